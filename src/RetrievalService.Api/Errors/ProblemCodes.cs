namespace RetrievalService.Api.Errors;

/// <summary>The <c>code</c> extension of every ProblemDetails the API returns (docs/api.md lists them with their statuses).</summary>
public static class ProblemCodes
{
    public const string ImageMissing = "image-missing";
    public const string ImageEmpty = "image-empty";
    public const string ImageTooLarge = "image-too-large";
    public const string ImageTooManyPixels = "image-too-many-pixels";
    public const string ImageUnsupported = "image-unsupported";
    public const string ImageCorrupt = "image-corrupt";
    public const string ImageTooComplex = "image-too-complex";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string PayloadTooLarge = "payload-too-large";
    public const string RequestTimeout = "request-timeout";
    public const string TooManyFiles = "too-many-files";
    public const string InvalidForm = "invalid-form";
    public const string UnknownField = "unknown-field";
    public const string InvalidK = "invalid-k";
    public const string InvalidMode = "invalid-mode";
    public const string InvalidFilter = "invalid-filter";
    public const string InvalidExpand = "invalid-expand";
    public const string InvalidPosition = "invalid-position";
    public const string UnknownModel = "unknown-model";
    public const string InvalidEmbedding = "invalid-embedding";
    public const string ModelRetired = "model-retired";
    public const string ModelNotFound = "model-not-found";
    public const string ModelNotLive = "model-not-live";
    public const string UnknownTeacher = "unknown-teacher";
    public const string GalleryIncomplete = "gallery-incomplete";
    public const string SwitchConflict = "switch-conflict";
    public const string GalleryNotServed = "gallery-not-served";
    public const string InvalidIds = "invalid-ids";
    public const string InvalidMetadata = "invalid-metadata";
    public const string InvalidId = "invalid-id";
    public const string Unauthorized = "unauthorized";
    public const string InvalidKey = "invalid-key";
    public const string Forbidden = "forbidden";
    public const string QuotaExceeded = "quota-exceeded";
    public const string InvalidKeyRequest = "invalid-key-request";
    public const string KeyNotFound = "key-not-found";
    public const string ImageNotFound = "image-not-found";
    public const string ThumbnailNotFound = "thumbnail-not-found";
    public const string InvalidPage = "invalid-page";
    public const string DatabaseUnavailable = "database-unavailable";
    public const string DatabaseBusy = "database-busy";
    public const string GalleryNotReady = "gallery-not-ready";
    public const string Saturated = "saturated";
    public const string NotFound = "not-found";
    public const string HttpError = "http-error";
    public const string Internal = "internal";
}

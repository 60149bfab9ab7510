using RetrievalService.Api.Inference;
using RetrievalService.Embedding.Images;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Api.Errors;

/// <summary>How an exception becomes a response: status, code, title and whether the client should retry.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Code">Stable machine-readable code (<see cref="ProblemCodes"/>).</param>
/// <param name="Title">Short summary of the problem type.</param>
/// <param name="Detail">What went wrong and what the client can do.</param>
/// <param name="RetryAfter">True for 503s that clear by themselves (database back, load gone).</param>
internal sealed record Problem(int StatusCode, string Code, string Title, string Detail, bool RetryAfter = false)
{
    /// <summary>The problem for <paramref name="error"/>, or null for a server fault (500).</summary>
    public static Problem? For(Exception error) => error switch
    {
        ApiProblemException e => new(e.StatusCode, e.Code, e.Title, e.Message, RetryAfter: e.StatusCode == StatusCodes.Status503ServiceUnavailable),
        ImageRejectedException e => ForImage(e),
        // The exception names the database's host, port and name: logged, never sent.
        GalleryUnavailableException => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable,
            "The gallery database is unavailable.", "The gallery database cannot be reached. Retry after the delay in Retry-After.", RetryAfter: true),
        // The store's message names no host; what matters to the client is that nothing was stored and a retry is safe.
        GalleryBusyException => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseBusy,
            "The gallery database is busy.", "The database gave up on this request over a conflict with concurrent work (a deadlock, " +
            "or a lock or statement timeout); nothing of it was stored. Retry after the delay in Retry-After.", RetryAfter: true),
        InferenceSaturatedException or Http.SlotsExhaustedException or Http.BodyMemoryExhaustedException => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Saturated,
            "The service is saturated.", error.Message, RetryAfter: true),
        InvalidGalleryItemException e => new(StatusCodes.Status400BadRequest, ProblemCodes.InvalidId, "The id is invalid.", e.Message),
        UnknownModelException or SchemaVersionException => new(StatusCodes.Status503ServiceUnavailable, ProblemCodes.GalleryNotReady,
            "The gallery is not ready.", error.Message, RetryAfter: true),
        // A gallery table dropped under an instance that still serves its teacher (indexer gallery drop before the
        // configuration moved on): the table name is no client's business, and a restart with the new configuration heals it.
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable } => new(StatusCodes.Status503ServiceUnavailable,
            ProblemCodes.GalleryNotReady, "The gallery is not ready.",
            "A gallery this instance serves no longer exists (dropped while configured here); the operator restarts it with the current models.", RetryAfter: true),
        BadHttpRequestException e => new(e.StatusCode,
            e.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemCodes.PayloadTooLarge : ProblemCodes.HttpError,
            e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request is malformed.", e.Message),
        _ => null,
    };

    // 415 when the bytes are no image we read, 413 when the file is too big, 422 when it is an image we cannot use
    // (damaged, or more pixels than the limits): the request was well-formed, its content is not processable.
    private static Problem ForImage(ImageRejectedException e) => e.Reason switch
    {
        ImageRejectionReason.Empty => new(StatusCodes.Status400BadRequest, ProblemCodes.ImageEmpty, "The image is empty.", e.Message),
        ImageRejectionReason.TooManyBytes => new(StatusCodes.Status413PayloadTooLarge, ProblemCodes.ImageTooLarge,
            "The image file is too large.", e.Message),
        ImageRejectionReason.TooWide or ImageRejectionReason.TooTall or ImageRejectionReason.TooManyPixels =>
            new(StatusCodes.Status422UnprocessableEntity, ProblemCodes.ImageTooManyPixels, "The image has too many pixels.", e.Message),
        ImageRejectionReason.UnsupportedFormat => new(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.ImageUnsupported,
            "The image format is not supported.", e.Message),
        ImageRejectionReason.TooComplex => new(StatusCodes.Status422UnprocessableEntity, ProblemCodes.ImageTooComplex,
            "The image took too long to decode.", e.Message),
        _ => new(StatusCodes.Status422UnprocessableEntity, ProblemCodes.ImageCorrupt, "The image is corrupt.", e.Message),
    };
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Models;
using RetrievalService.Storage;

namespace RetrievalService.Api.Endpoints;

public static partial class ImageEndpoints
{
    /// <summary>
    /// The image's JPEG thumbnail from the live gallery. Its ETag is the SHA-256 of the bytes, and caches must revalidate
    /// (the picture behind an id changes when the id is indexed with new content), which If-None-Match makes a 304.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetThumbnailAsync(
        string id, HttpResponse response, GalleryStore store, Galleries galleries, CancellationToken cancellationToken)
    {
        CheckId(id);
        var thumbnail = await store.GetThumbnailAsync(galleries.Live.Teacher.Id, id, cancellationToken);
        if (thumbnail is null)
        {
            return NotFound(id);
        }
        if (thumbnail.Jpeg is not { } jpeg)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The image has no thumbnail.",
                detail: $"The image '{id}' was indexed before thumbnails were stored (or its thumbnail could not be made). "
                    + "Run the indexer over the sources again (indexer index …): it adds the missing thumbnails without embedding again.",
                extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ThumbnailNotFound });
        }
        response.Headers.CacheControl = "private, no-cache";
        // The file result answers If-None-Match itself: 304 with the same ETag, no body.
        return TypedResults.File(jpeg, "image/jpeg", entityTag: new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(jpeg))}\""));
    }
}

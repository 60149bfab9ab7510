using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Models;
using RetrievalService.Storage;

namespace RetrievalService.Api.Endpoints;

public static partial class ImageEndpoints
{
    /// <summary>
    /// Replace an image's metadata (the vector and thumbnail stay). During a teacher upgrade the gallery being rebuilt gets
    /// it first, as every write does, so the switch does not bring the old metadata back; the answer is the live gallery's row.
    /// </summary>
    public static async Task<Results<Ok<ImageResponse>, ProblemHttpResult>> PatchAsync(
        string id, HttpRequest request, GalleryStore store, Galleries galleries, IOptions<ApiLimitsOptions> limits, WritePosition writePosition,
        CancellationToken cancellationToken)
    {
        CheckId(id);
        var metadata = await MetadataPatchReader.ReadAsync(request, limits.Value.MaxMetadataChars, cancellationToken);
        var targets = galleries.WriteTargets;
        foreach (var gallery in targets)
        {
            await store.ReplaceMetadataAsync(gallery.Teacher.Id, id, metadata, cancellationToken);
        }
        // Read where the write is visible: a standby that has not replayed it would answer with the old metadata.
        var position = await writePosition.StampAsync(request.HttpContext.Response, cancellationToken);
        var image = await store.GetAsync(targets[^1].Teacher.Id, id, position, cancellationToken);
        return image is null ? NotFound(id) : TypedResults.Ok(ImageResponse.From(image));
    }
}

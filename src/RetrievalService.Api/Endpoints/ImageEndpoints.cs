using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Models;
using RetrievalService.Api.Security;
using RetrievalService.Storage;
using RetrievalService.Storage.Keys;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// <c>/images</c>: the live gallery's images one by one (<c>GET</c>, <c>PATCH</c> metadata, <c>DELETE</c>), their thumbnails,
/// and a paged listing.
/// </summary>
public static partial class ImageEndpoints
{
    /// <summary>Maps the images group.</summary>
    public static RouteGroupBuilder MapImages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/images").WithTags("Images");
        group.MapGet("", ListAsync).RequireScopeAndQuota(ApiKeyScopes.Search).WithName("ListImages")
            .WithSummary("One page of the live gallery in byte order of the ids: ?limit=1..200 (default 50)&after=<the previous page's next>.")
            .WithQueryParameters(
                ("limit", JsonSchemaType.Integer, "Images on the page, 1..200 (default 50)."),
                ("after", JsonSchemaType.String, "The previous page's next id."))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id}/thumbnail", GetThumbnailAsync).RequireScopeAndQuota(ApiKeyScopes.Search).WithName("GetImageThumbnail")
            .WithSummary("The image's JPEG thumbnail (longer side at most 320 px); ETag, Cache-Control: private, no-cache; If-None-Match gives 304.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPatch("/{id}", PatchAsync).RequireScopeAndQuota(ApiKeyScopes.Index).WithName("PatchImage")
            .WithSummary("Replace an image's metadata with {\"metadata\": {…}}; during a teacher upgrade in the rebuilt gallery too.")
            .Accepts<MetadataPatch>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id}", GetAsync).RequireScopeAndQuota(ApiKeyScopes.Search).WithName("GetImage").WithSummary("A gallery image's id, source, hash and metadata.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/{id}", DeleteAsync).RequireScopeAndQuota(ApiKeyScopes.Admin).WithName("DeleteImage").WithSummary("Remove an image from the gallery.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    /// <summary>A gallery image's id, source, hash and metadata.</summary>
    public static async Task<Results<Ok<ImageResponse>, ProblemHttpResult>> GetAsync(
        string id, GalleryStore store, Galleries galleries, CancellationToken cancellationToken)
    {
        CheckId(id);
        var image = await store.GetAsync(galleries.Live.Teacher.Id, id, cancellationToken);
        return image is null
            ? NotFound(id)
            : TypedResults.Ok(ImageResponse.From(image));
    }

    /// <summary>
    /// Remove an image from the gallery, and during a teacher upgrade from the other served gallery too (so the switch
    /// does not bring it back): 204 when deleted, 404 when there was no such image.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpResponse response, GalleryStore store, Galleries galleries, WritePosition writePosition, CancellationToken cancellationToken)
    {
        CheckId(id);
        var deleted = false;
        foreach (var gallery in galleries.WriteTargets)
        {
            deleted |= await store.DeleteAsync(gallery.Teacher.Id, id, cancellationToken);
        }
        await writePosition.StampAsync(response, cancellationToken);
        return deleted ? TypedResults.NoContent() : NotFound(id);
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such image.",
        detail: $"The gallery has no image with id '{id}'. Ids are case-sensitive; index it with POST /index first.",
        extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ImageNotFound });

    private static void CheckId(string id)
    {
        if (GalleryIds.Check(id) is { } reason)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidId, $"Invalid gallery id: {reason}.");
        }
    }
}

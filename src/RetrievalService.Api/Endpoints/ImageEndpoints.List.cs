using Microsoft.AspNetCore.Http.HttpResults;
using RetrievalService.Api.Models;
using RetrievalService.Storage;

namespace RetrievalService.Api.Endpoints;

public static partial class ImageEndpoints
{
    /// <summary>
    /// One page of the live gallery in byte order of the ids, after the id <c>after</c>: keyset paging, so a page never
    /// repeats or skips an image that stays while others are added or removed.
    /// </summary>
    public static async Task<Ok<ImagePage>> ListAsync(HttpRequest request, GalleryStore store, Galleries galleries, CancellationToken cancellationToken)
    {
        var (limit, after) = ImagePageQuery.Parse(request.Query);
        // One row more than the page tells whether another page follows.
        var rows = await store.ListAsync(galleries.Live.Teacher.Id, after, limit + 1, cancellationToken);
        var items = rows.Take(limit).Select(ImageResponse.From).ToList();
        return TypedResults.Ok(new ImagePage(items, rows.Count > limit ? items[^1].Id : null));
    }
}

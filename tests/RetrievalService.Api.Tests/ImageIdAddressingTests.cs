using System.Net;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Indexing;

namespace RetrievalService.Api.Tests;

/// <summary>Every id the API stores can be read, thumbnailed and deleted again at <c>/images/{id}</c>, the id percent-encoded.</summary>
[Collection(GalleryCollection.Name)]
public sealed class ImageIdAddressingTests(GalleryFixture gallery)
{
    private HttpClient Client => gallery.Client;

    [Fact]
    public async Task An_id_with_percent_signs_and_spaces_is_read_thumbnailed_and_deleted_at_its_encoded_path()
    {
        var id = $"sale 100% off %25 {Guid.NewGuid():N}.jpg";
        var indexed = await Requests.ReadAsync<IndexResponse>(
            await Client.PostAsync("/index", Requests.IndexForm([("photo.jpg", Photos.All[0].Bytes)], ids: [id])));
        Assert.Equal(IndexItemStatus.Stored, indexed.Items[0].Status);
        var path = "/images/" + Uri.EscapeDataString(id);

        var image = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync(path));
        using var thumbnail = await Client.GetAsync(image.Thumbnail);
        using var deleted = await Client.DeleteAsync(path);

        Assert.Equal(id, image.Id);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task An_id_holding_an_escaped_slash_is_refused_at_indexing_because_no_path_could_reach_it()
    {
        var id = $"50%2Foff-{Guid.NewGuid():N}.jpg";

        var indexed = await Requests.ReadAsync<IndexResponse>(
            await Client.PostAsync("/index", Requests.IndexForm([("photo.jpg", Photos.All[0].Bytes)], ids: [id])));

        Assert.Equal(IndexItemStatus.Rejected, indexed.Items[0].Status);
        Assert.Equal("InvalidId", indexed.Items[0].Code);
        Assert.Contains("%2F", indexed.Items[0].Reason, StringComparison.Ordinal);
    }
}

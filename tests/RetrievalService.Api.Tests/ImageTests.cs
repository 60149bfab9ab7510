using System.Net;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

[Collection(GalleryCollection.Name)]
public sealed class ImageTests(GalleryFixture gallery)
{
    private HttpClient Client => gallery.Client;

    [Fact]
    public async Task Get_returns_the_stored_image_with_its_metadata_hash_and_teacher()
    {
        var image = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync("/images/chelsea"));

        Assert.Equal("chelsea", image.Id);
        Assert.Equal("teacher-resnet18-gem", image.ModelId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Photos.Get("chelsea"))), image.ContentSha256);
        Assert.Equal("animal", image.Metadata["kind"]!.GetValue<string>());
        Assert.Equal("upload:chelsea", image.Source);
        Assert.Equal("/images/chelsea/thumbnail", image.Thumbnail);
    }

    [Fact]
    public async Task Delete_removes_the_image_from_lookups_and_from_search_results()
    {
        var id = "del-" + Guid.NewGuid().ToString("N")[..8];
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index", Requests.IndexForm([("a.jpg", Photos.Get("rocket"))], ids: [id])));

        using var deleted = await Client.DeleteAsync($"/images/{id}");
        using var lookup = await Client.GetAsync($"/images/{id}");
        var search = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("rocket"), "?mode=symmetric&k=3"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(lookup, HttpStatusCode.NotFound, "image-not-found");
        Assert.DoesNotContain(search.Results, r => r.Id == id);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_a_404_problem_naming_the_id()
    {
        using var response = await Client.GetAsync("/images/no-such-image");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "image-not-found");
        Assert.Contains("no-such-image", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_of_an_unknown_id_is_a_404_problem()
    {
        using var response = await Client.DeleteAsync("/images/no-such-image");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "image-not-found");
    }

    [Fact]
    public async Task Ids_with_unicode_and_spaces_round_trip_through_the_url()
    {
        var id = "café photo " + Guid.NewGuid().ToString("N")[..6];
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index", Requests.IndexForm([("a.jpg", Photos.Get("home"))], ids: [id])));

        var image = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync("/images/" + Uri.EscapeDataString(id)));

        Assert.Equal(id, image.Id);
        await Client.DeleteAsync("/images/" + Uri.EscapeDataString(id));
    }
}

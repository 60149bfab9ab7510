using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>What a page that shows and curates the gallery needs: thumbnails, a paged listing, metadata edits.</summary>
[Collection(GalleryCollection.Name)]
public sealed class ImageBrowsingTests(GalleryFixture gallery)
{
    private HttpClient Client => gallery.Client;

    [Fact]
    public async Task A_thumbnail_is_a_small_jpeg_with_an_etag_that_revalidates_to_304()
    {
        var image = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync("/images/chelsea"));
        using var response = await Client.GetAsync(image.Thumbnail);
        var jpeg = await response.Content.ReadAsByteArrayAsync();
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, image.Thumbnail) { Headers = { IfNoneMatch = { response.Headers.ETag! } } };
        using var notModified = await Client.SendAsync(revalidation);

        Assert.Equal("/images/chelsea/thumbnail", image.Thumbnail);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        using var decoded = SixLabors.ImageSharp.Image.Load(jpeg);
        Assert.Equal(320, Math.Max(decoded.Width, decoded.Height));
        Assert.Equal($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg))}\"", response.Headers.ETag!.Tag);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true, NoStore: false }, response.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(response.Headers.ETag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task A_thumbnail_is_404_image_not_found_for_an_unknown_id_and_thumbnail_not_found_for_a_row_without_one()
    {
        var id = "no-thumb-" + Guid.NewGuid().ToString("N")[..8];
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index", Requests.IndexForm([("a.jpg", Photos.Get("astronaut"))], ids: [id])));
        await ClearThumbnailAsync(id);

        using var unknown = await Client.GetAsync("/images/no-such-image/thumbnail");
        using var missing = await Client.GetAsync($"/images/{id}/thumbnail");
        var image = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{id}"));

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "image-not-found");
        var problem = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "thumbnail-not-found");
        Assert.Contains("indexer", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Null(image.Thumbnail);
        await Client.DeleteAsync($"/images/{id}");
    }

    [Fact]
    public async Task Paging_through_the_gallery_returns_every_image_once_in_byte_order_of_the_ids()
    {
        var all = await Requests.ReadAsync<ImagePage>(await Client.GetAsync("/images?limit=200"));
        var paged = new List<ImageResponse>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Requests.ReadAsync<ImagePage>(await Client.GetAsync("/images?limit=3" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after))));
            Assert.InRange(page.Items.Count, 1, 3);
            paged.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Null(all.Next);
        Assert.Superset(Photos.All.Select(p => p.Id).ToHashSet(), all.Items.Select(i => i.Id).ToHashSet());
        Assert.Equal(all.Items.Select(i => i.Id).Order(StringComparer.Ordinal), all.Items.Select(i => i.Id));
        Assert.Equal(all.Items.Select(i => i.Id), paged.Select(i => i.Id));
        Assert.Equal((all.Items.Count + 2) / 3, pages);
        Assert.Equal("animal", paged.Single(i => i.Id == "chelsea").Metadata["kind"]!.GetValue<string>());
        Assert.All(paged, i => Assert.Equal($"/images/{Uri.EscapeDataString(i.Id)}/thumbnail", i.Thumbnail));
        Assert.Equal(Math.Min(50, all.Items.Count), (await Requests.ReadAsync<ImagePage>(await Client.GetAsync("/images"))).Items.Count);
    }

    [Fact]
    public async Task Patch_replaces_the_metadata_and_a_search_filtered_on_the_new_metadata_finds_the_image()
    {
        var id = "patch-" + Guid.NewGuid().ToString("N")[..8];
        var tag = "tag-" + id;
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index",
            Requests.IndexForm([("a.jpg", Photos.Get("rocket"))], ids: [id], metadata: $$$"""{"{{{id}}}":{"kind":"before","keep":"no"}}""")));

        using var patch = await Client.PatchAsync($"/images/{id}", JsonContent.Create(new { metadata = new { kind = "after", tag } }));
        var patched = await Requests.ReadAsync<ImageResponse>(patch);
        var search = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("rocket"),
            "?mode=symmetric&k=5&filter=" + Uri.EscapeDataString($$"""{"tag":"{{tag}}"}""")));

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["kind"] = "after", ["tag"] = tag }, patched.Metadata), patched.Metadata.ToJsonString());
        Assert.Equal(id, patched.Id);
        Assert.NotNull(patched.Thumbnail);
        Assert.Equal([id], search.Results.Select(r => r.Id));
        Assert.Equal(patched.Metadata.ToJsonString(), (await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{id}"))).Metadata.ToJsonString());
        await Client.DeleteAsync($"/images/{id}");
    }

    [Fact]
    public async Task Patch_is_404_for_an_unknown_id_400_for_a_bad_body_and_415_for_another_content_type()
    {
        using var unknown = await Client.PatchAsync("/images/no-such-image", JsonContent.Create(new { metadata = new JsonObject() }));
        using var notAnObject = await Client.PatchAsync("/images/chelsea", JsonContent.Create(new { metadata = "shoe" }));
        using var form = await Client.PatchAsync("/images/chelsea", new StringContent("metadata=x", new MediaTypeHeaderValue("application/x-www-form-urlencoded")));

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "image-not-found");
        await ProblemAssert.IsProblemAsync(notAnObject, HttpStatusCode.BadRequest, "invalid-metadata");
        await ProblemAssert.IsProblemAsync(form, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal("animal", (await Requests.ReadAsync<ImageResponse>(await Client.GetAsync("/images/chelsea"))).Metadata["kind"]!.GetValue<string>());
    }

    // A row as indexed before thumbnails were stored.
    private async Task ClearThumbnailAsync(string id)
    {
        await using var connection = new NpgsqlConnection(gallery.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            DO $$ DECLARE key int; BEGIN
                SELECT model_key INTO key FROM {gallery.Factory.Schema}.models WHERE model_id = 'teacher-resnet18-gem';
                EXECUTE format('UPDATE {gallery.Factory.Schema}.%I SET thumbnail = NULL WHERE id = %L', 'items_' || key, '{id}');
            END $$
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}

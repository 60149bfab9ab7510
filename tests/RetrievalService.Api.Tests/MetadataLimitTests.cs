using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Api.Tests.Malformed;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Metadata at the edges of what is stored: whatever a write accepts, every answer that embeds it (image pages, search
/// results) can be written; whatever PostgreSQL would refuse is a 4xx before anything is written.
/// </summary>
[Collection(GalleryCollection.Name)]
public sealed class MetadataLimitTests(GalleryFixture gallery)
{
    private HttpClient Client => gallery.Client;

    [Fact]
    public async Task Metadata_nested_to_the_maximum_depth_is_stored_and_shows_in_image_pages_and_search_results()
    {
        var id = "deep-" + Guid.NewGuid().ToString("N")[..8];
        var metadata = Nested(StorableJson.MaxDepth, id);

        var indexed = await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index",
            Requests.IndexForm([("a.jpg", Photos.Get("rocket"))], ids: [id], metadata: $$"""{"{{id}}":{{metadata}}}""")));
        using var patch = await Client.PatchAsync($"/images/{id}", Json($$"""{"metadata":{{metadata}}}"""));
        var page = await Requests.ReadAsync<ImagePage>(await Client.GetAsync("/images?limit=200"));
        var search = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("rocket"),
            "?mode=symmetric&k=5&filter=" + Uri.EscapeDataString($$"""{"tag":"{{id}}"}""")));

        Assert.Equal(1, indexed.Stored);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(metadata), page.Items.Single(i => i.Id == id).Metadata));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(metadata), Assert.Single(search.Results).Metadata));
        await Client.DeleteAsync($"/images/{id}");
    }

    [Fact]
    public async Task Metadata_nested_one_level_deeper_is_refused_by_patch_and_rejects_its_file_in_index()
    {
        var id = "too-deep-" + Guid.NewGuid().ToString("N")[..8];
        var metadata = Nested(StorableJson.MaxDepth + 1, id);

        var refused = await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index",
            Requests.IndexForm([("a.jpg", Photos.Get("rocket"))], ids: [id], metadata: $$"""{"{{id}}":{{metadata}}}""")));
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index",
            Requests.IndexForm([("a.jpg", Photos.Get("rocket"))], ids: [id], metadata: $$$"""{"{{{id}}}":{"tag":"{{{id}}}"}}""")));
        using var patch = await Client.PatchAsync($"/images/{id}", Json($$"""{"metadata":{{metadata}}}"""));
        var stored = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{id}"));

        Assert.Equal("InvalidMetadata", Assert.Single(refused.Items).Code);
        Assert.Contains($"{StorableJson.MaxDepth} levels", refused.Items[0].Reason, StringComparison.Ordinal);
        var problem = await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.BadRequest, "invalid-metadata");
        Assert.Contains($"{StorableJson.MaxDepth} levels", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal($$"""{"tag":"{{id}}"}""", stored.Metadata.ToJsonString());
        await Client.DeleteAsync($"/images/{id}");
    }

    [Fact]
    public async Task A_number_with_as_many_digits_after_the_point_as_postgresql_keeps_is_stored_and_a_filter_with_it_finds_the_image()
    {
        var id = "fine-" + Guid.NewGuid().ToString("N")[..8];
        var number = "0." + new string('0', StorableJson.MaxFractionDigits - 1) + "1";
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index", Requests.IndexForm([("a.jpg", Photos.Get("rocket"))], ids: [id])));

        var patched = await Requests.ReadAsync<ImageResponse>(await Client.PatchAsync($"/images/{id}", Json($$$"""{"metadata":{"n":{{{number}}}}}""")));
        var search = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search?mode=symmetric&k=5",
            Requests.SearchForm(Photos.Get("rocket")).WithText("filter", $$"""{"n":{{number}}}""")));

        Assert.Equal(number, patched.Metadata["n"]!.ToJsonString());
        Assert.Equal(id, Assert.Single(search.Results).Id);
        await Client.DeleteAsync($"/images/{id}");
    }

    // A metadata object of `levels` levels of objects: {"tag":…,"d":{"d":{…{}}}}.
    [Fact]
    public async Task A_row_stored_deeper_than_the_limit_before_it_existed_still_shows_in_image_pages_and_search_results()
    {
        var id = "old-deep-" + Guid.NewGuid().ToString("N")[..8];
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index", Requests.IndexForm([("a.jpg", Photos.Get("rocket"))], ids: [id])));
        // 63 levels: the deepest the writes took before the limit, now reachable only by SQL.
        var metadata = Nested(63, id);
        await using (var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(gallery.Factory.ConnectionString) { SearchPath = gallery.Factory.Schema }.ConnectionString))
        {
            await connection.OpenAsync();
            var table = (string)(await new NpgsqlCommand("SELECT 'items_' || model_key FROM models WHERE model_id = 'teacher-resnet18-gem'", connection).ExecuteScalarAsync())!;
            await using var update = new NpgsqlCommand($"UPDATE {table} SET metadata = @metadata::jsonb WHERE id = @id", connection);
            update.Parameters.AddWithValue("metadata", metadata);
            update.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        try
        {
            using var page = await Client.GetAsync("/images?limit=200");
            using var search = await Requests.SearchAsync(Client, Photos.Get("rocket"),
                "?mode=symmetric&k=5&filter=" + Uri.EscapeDataString($$"""{"tag":"{{id}}"}"""));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            // Deeper than a default JSON reader goes (64): clients reading such old rows need a larger limit too.
            var answer = JsonNode.Parse(await search.Content.ReadAsStringAsync(), documentOptions: new JsonDocumentOptions { MaxDepth = 128 })!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(metadata, documentOptions: new JsonDocumentOptions { MaxDepth = 128 }),
                Assert.Single(answer["results"]!.AsArray())!["metadata"]));
        }
        finally
        {
            await Client.DeleteAsync($"/images/{id}");
        }
    }

    private static string Nested(int levels, string tag) =>
        $$"""{"tag":"{{tag}}","d":""" + string.Concat(Enumerable.Repeat("""{"d":""", levels - 2)) + "{}" + new string('}', levels - 1);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

using System.Net;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Indexing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Api.Tests;

[Collection(GalleryCollection.Name)]
public sealed class IndexTests(GalleryFixture gallery)
{
    private HttpClient Client => gallery.Client;

    [Fact]
    public async Task Indexing_the_same_files_again_reports_them_unchanged()
    {
        var result = await IndexAsync(Requests.IndexForm(Photos.All.Take(3).Select(p => (p.Id, p.Bytes))));

        Assert.Equal((0, 3, 0), (result.Stored, result.Unchanged, result.Rejected));
        Assert.All(result.Items, i => Assert.Equal(IndexItemStatus.Unchanged, i.Status));
    }

    [Fact]
    public async Task New_content_under_an_existing_id_is_stored_again_and_its_hash_changes()
    {
        var id = "idx-" + Guid.NewGuid().ToString("N")[..8];
        var first = await IndexAsync(Requests.IndexForm([("a.png", Pattern(1))], ids: [id]));
        var before = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{id}"));

        var second = await IndexAsync(Requests.IndexForm([("a.png", Pattern(2))], ids: [id], metadata: $"{{\"{id}\":{{\"v\":2}}}}"));
        var after = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{id}"));

        Assert.Equal(IndexItemStatus.Stored, first.Items[0].Status);
        Assert.Equal(IndexItemStatus.Stored, second.Items[0].Status);
        Assert.NotEqual(before.ContentSha256, after.ContentSha256);
        Assert.Equal(2, after.Metadata["v"]!.GetValue<int>());
        Assert.Equal("upload:a.png", after.Source);
        await Client.DeleteAsync($"/images/{id}");
    }

    [Fact]
    public async Task The_same_bytes_with_new_metadata_replace_the_metadata_and_without_metadata_keep_it()
    {
        var id = "idx-" + Guid.NewGuid().ToString("N")[..8];
        string Metadata(int v) => "{\"" + id + "\":{\"v\":" + v + "}}";
        await IndexAsync(Requests.IndexForm([("a.png", Pattern(21))], ids: [id], metadata: Metadata(1)));

        var changed = await IndexAsync(Requests.IndexForm([("a.png", Pattern(21))], ids: [id], metadata: Metadata(2)));
        var again = await IndexAsync(Requests.IndexForm([("a.png", Pattern(21))], ids: [id], metadata: Metadata(2)));
        var none = await IndexAsync(Requests.IndexForm([("a.png", Pattern(21))], ids: [id]));
        var after = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{id}"));

        Assert.Equal(IndexItemStatus.Stored, changed.Items[0].Status);
        Assert.Equal(IndexItemStatus.Unchanged, again.Items[0].Status);
        Assert.Equal(IndexItemStatus.Unchanged, none.Items[0].Status);
        Assert.Equal(2, after.Metadata["v"]!.GetValue<int>());
        await Client.DeleteAsync($"/images/{id}");
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>/../../etc/passwd", "upload:passwd")]
    [InlineData("C:\\Users\\me\\My Photos\\café 1.jpg", "upload:caf__1.jpg")]
    [InlineData("../..", "upload:file")]
    public async Task The_source_keeps_only_a_safe_form_of_the_uploaded_file_name(string fileName, string source)
    {
        var id = "idx-" + Guid.NewGuid().ToString("N")[..8];

        var result = await IndexAsync(Requests.IndexForm([(fileName, Pattern(31))], ids: [id]));
        var stored = await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{id}"));

        Assert.Equal(IndexItemStatus.Stored, result.Items[0].Status);
        Assert.Equal(source, stored.Source);
        await Client.DeleteAsync($"/images/{id}");
    }

    [Fact]
    public async Task Each_bad_file_is_rejected_with_its_reason_while_the_good_ones_are_stored()
    {
        var good = "idx-" + Guid.NewGuid().ToString("N")[..8];
        var form = Requests.IndexForm(
            [("g.png", Pattern(3)), ("c.jpg", Photos.Get("fruits")[..300]), ("s.png", Pattern(4)), ("b.png", Pattern(5)), ("d.png", Pattern(6)), ("e.png", Pattern(7))],
            ids: [good, "corrupt-" + good, "dir/file.png", "back\\slash", "bell\u0007", good]);

        var result = await IndexAsync(form);

        Assert.Equal((1, 0, 5), (result.Stored, result.Unchanged, result.Rejected));
        Assert.Equal(
            [null, "Corrupt", "InvalidId", "InvalidId", "InvalidId", "DuplicateId"],
            result.Items.Select(i => i.Code));
        Assert.All(result.Items.Skip(1), i => Assert.False(string.IsNullOrWhiteSpace(i.Reason)));
        await Client.DeleteAsync($"/images/{good}");
    }

    [Fact]
    public async Task Metadata_the_store_cannot_keep_rejects_its_file_only_and_the_others_are_stored()
    {
        var good = "idx-" + Guid.NewGuid().ToString("N")[..8];
        string[] ids = [good, "nul-" + good, "surrogate-" + good, "huge-" + good, "fine-grained-" + good];
        var metadata = "{\"" + ids[0] + "\":{\"kind\":\"fine\"},\"" + ids[1] + "\":{\"kind\":\"a\\u0000b\"},\""
            + ids[2] + "\":{\"kind\":\"\\ud800\"},\"" + ids[3] + "\":{\"n\":1e999999},\"" + ids[4] + "\":{\"n\":0." + new string('0', 16_400) + "1}}";

        var result = await IndexAsync(Requests.IndexForm(
            [("a.png", Pattern(11)), ("b.png", Pattern(12)), ("c.png", Pattern(13)), ("d.png", Pattern(14)), ("e.png", Pattern(15))], ids: ids, metadata: metadata));

        Assert.Equal((1, 0, 4), (result.Stored, result.Unchanged, result.Rejected));
        Assert.Equal([null, "InvalidMetadata", "InvalidMetadata", "InvalidMetadata", "InvalidMetadata"], result.Items.Select(i => i.Code));
        Assert.Contains("U+0000", result.Items[1].Reason, StringComparison.Ordinal);
        Assert.Contains("surrogate", result.Items[2].Reason, StringComparison.Ordinal);
        Assert.Contains("1e999999", result.Items[3].Reason, StringComparison.Ordinal);
        Assert.Contains("16383 digits after the decimal point", result.Items[4].Reason, StringComparison.Ordinal);
        Assert.Equal("fine", (await Requests.ReadAsync<ImageResponse>(await Client.GetAsync($"/images/{good}"))).Metadata["kind"]!.GetValue<string>());
        foreach (var id in ids)
        {
            await Client.DeleteAsync($"/images/{id}");
        }
    }

    [Fact]
    public async Task More_files_than_the_per_request_limit_are_refused_with_413()
    {
        var files = Enumerable.Range(0, 13).Select(i => ($"f{i}.png", Pattern(100 + i)));

        using var response = await Client.PostAsync("/index", Requests.IndexForm(files));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-many-files");
        Assert.Contains("12", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raw_body_is_refused_with_415_naming_multipart()
    {
        using var response = await Client.PostAsync("/index", Requests.Raw(Pattern(9), "image/png"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("multipart/form-data", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    private async Task<IndexResponse> IndexAsync(MultipartFormDataContent form) =>
        await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index", form));

    /// <summary>A distinct small PNG per seed.</summary>
    private static byte[] Pattern(int seed)
    {
        using var image = new Image<Rgb24>(96, 80);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * seed), (byte)(y * 3 + seed * 17), (byte)((x ^ y) + seed));
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}

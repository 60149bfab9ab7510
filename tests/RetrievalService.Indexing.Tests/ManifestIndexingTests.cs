using System.Text.Json.Nodes;
using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

public sealed class ManifestIndexingTests : IsolatedTest
{
    [Fact]
    public async Task A_csv_manifest_stores_its_ids_sources_and_metadata_and_reports_bad_lines()
    {
        Files.Images(3, "pics");
        var manifest = Files.Bytes("gallery.csv", System.Text.Encoding.UTF8.GetBytes("""
            id,path,metadata
            eiffel,pics/img-00.png,"{""city"": ""Paris"", ""year"": 1889}"
            "louvre, east wing",pics/img-01.png,
            plain,pics/img-02.png,"{}"
            missing-file,pics/nowhere.png,
            bad-json,pics/img-00.png,"{not json"
            short-line
            """.Replace("\r", "")));

        var exit = await Runner.RunAsync("index", "--manifest", manifest, "--no-progress", "--report", ReportPath);

        Assert.Equal(ExitCodes.SomeRejected, exit);
        var rows = (await GalleryRows.ReadAsync(Schema)).ToDictionary(r => r.Id);
        Assert.Equal(["eiffel", "louvre, east wing", "plain"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("pics/img-00.png", rows["eiffel"].Source);
        Assert.Equal("Paris", JsonNode.Parse(rows["eiffel"].Metadata)!["city"]!.GetValue<string>());
        Assert.Equal("{}", rows["louvre, east wing"].Metadata);
        var items = IndexerRunner.ReportItems(IndexerRunner.ReadReport(ReportPath));
        Assert.Equal("Unreadable", items["missing-file"].Code);
        Assert.Equal("InvalidManifestLine", items["bad-json"].Code);
        Assert.Equal(("rejected", "InvalidManifestLine", "gallery.csv:7"), items["short-line"]);
    }

    [Fact]
    public async Task A_json_lines_manifest_stores_metadata_and_rejects_invalid_ids_duplicates_and_bad_lines()
    {
        Files.Images(3);
        var manifest = Files.Bytes("gallery.jsonl", System.Text.Encoding.UTF8.GetBytes("""
            {"id": "one", "path": "img-00.png", "metadata": {"tags": ["a", "b"]}}
            {"id": "two", "path": "img-01.png", "source": "https://shop.example/p/2.jpg"}

            {"id": "a/b", "path": "img-02.png"}
            {"id": "one", "path": "img-02.png"}
            {"id": "array-metadata", "path": "img-02.png", "metadata": [1, 2]}
            {"path": "img-02.png"}
            this is not json
            """.Replace("\r", "")));

        var exit = await Runner.RunAsync("index", "--manifest", manifest, "--no-progress", "--report", ReportPath);

        Assert.Equal(ExitCodes.SomeRejected, exit);
        var rows = (await GalleryRows.ReadAsync(Schema)).ToDictionary(r => r.Id);
        Assert.Equal(["one", "two"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("img-00.png", rows["one"].Source);
        Assert.Equal("https://shop.example/p/2.jpg", rows["two"].Source);
        Assert.Equal(2, JsonNode.Parse(rows["one"].Metadata)!["tags"]!.AsArray().Count);
        var report = IndexerRunner.ReadReport(ReportPath);
        var rejected = report.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("status").GetString() == "rejected")
            .Select(i => i.GetProperty("code").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["DuplicateId", "InvalidId", "InvalidManifestLine", "InvalidManifestLine", "InvalidMetadata"], rejected);
        Assert.Equal(7, report.GetProperty("counts").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Rerunning_with_a_newly_declared_source_updates_it_without_embedding_again()
    {
        Files.Images(2);
        var first = Files.Bytes("first.jsonl", System.Text.Encoding.UTF8.GetBytes("""
            {"id": "one", "path": "img-00.png", "metadata": {"kind": "shoe"}}
            {"id": "two", "path": "img-01.png"}
            """.Replace("\r", "")));
        var second = Files.Bytes("second.jsonl", System.Text.Encoding.UTF8.GetBytes("""
            {"id": "one", "path": "img-00.png", "source": "https://shop.example/p/1.jpg"}
            {"id": "two", "path": "img-01.png"}
            """.Replace("\r", "")));
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", "--manifest", first, "--no-progress"));

        var exit = await Runner.RunAsync("index", "--manifest", second, "--no-progress", "--report", ReportPath);

        Assert.Equal(ExitCodes.Ok, exit);
        var counts = IndexerRunner.ReadReport(ReportPath).GetProperty("counts");
        Assert.Equal((1, 1), (counts.GetProperty("stored").GetInt32(), counts.GetProperty("unchanged").GetInt32()));
        var rows = (await GalleryRows.ReadAsync(Schema)).ToDictionary(r => r.Id);
        Assert.Equal("https://shop.example/p/1.jpg", rows["one"].Source);
        // No metadata in the second manifest: the stored metadata stays.
        Assert.Equal("shoe", JsonNode.Parse(rows["one"].Metadata)!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_manifest_with_an_unknown_extension_or_header_is_an_input_error()
    {
        var text = Files.Bytes("gallery.txt", "id,path\n"u8.ToArray());
        var header = Files.Bytes("gallery.csv", "name,file\nx,y.png\n"u8.ToArray());

        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", "--manifest", text, "--no-progress"));
        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", "--manifest", header, "--no-progress"));
        Assert.Equal(ExitCodes.Usage, await Runner.RunAsync("index", Files.Folder, "--manifest", header));
    }
}

using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>A mistake in a manifest is reported where it is, in one line; it never swallows other lines or ends in a stack trace.</summary>
public sealed class ManifestMistakeTests : IsolatedTest
{
    [Fact]
    public async Task A_csv_quote_left_open_is_an_input_error_naming_its_line_and_nothing_is_indexed()
    {
        Files.Images(3);
        var manifest = Files.Bytes("gallery.csv", "id,path\nfirst,img-00.png\nsecond,\"img-01.png\nthird,img-02.png\n"u8.ToArray());

        var (exit, _, stderr) = await Runner.RunChildAsync("index", "--manifest", manifest, "--no-progress");

        Assert.True(exit == ExitCodes.InputError, stderr);
        Assert.Contains("the quoted field that starts on line 3 is never closed", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
    }

    [Fact]
    public async Task A_nul_in_a_manifest_path_rejects_that_line_alone()
    {
        Files.Images(2);
        var csv = Files.Bytes("gallery.csv", "id,path\nnul,\"img-00.png\0.png\"\nfine,img-00.png\n"u8.ToArray());
        var jsonLines = Files.Bytes("gallery.jsonl", """
            {"id": "nul", "path": "img-01.png\u0000.png"}
            {"id": "fine", "path": "img-01.png"}
            """u8.ToArray());

        foreach (var (manifest, where) in (IEnumerable<(string, string)>)[(csv, "gallery.csv:2"), (jsonLines, "gallery.jsonl:1")])
        {
            Assert.Equal(ExitCodes.SomeRejected, await Runner.RunAsync("index", "--manifest", manifest, "--no-progress", "--report", ReportPath));
            var report = IndexerRunner.ReadReport(ReportPath);
            Assert.Equal(("rejected", "InvalidManifestLine", where), IndexerRunner.ReportItems(report)["nul"]);
            Assert.Equal("the path contains U+0000 (NUL), which no file name can hold.", IndexerRunner.ReportReason(report, "nul"));
            Assert.Equal(1, report.GetProperty("counts").GetProperty("stored").GetInt32());
        }
    }

    [Fact]
    public async Task Json_lines_that_repeat_a_member_or_give_a_source_that_is_not_text_are_rejected_one_by_one()
    {
        Files.Images(2);
        var manifest = Files.Bytes("gallery.jsonl", """
            {"id": "twice-id", "id": "other", "path": "img-00.png"}
            {"id": "twice-path", "path": "img-00.png", "path": "img-01.png"}
            {"id": "twice-metadata", "path": "img-00.png", "metadata": {"a": 1}, "metadata": {"a": 2}}
            {"id": "number-source", "path": "img-00.png", "source": 42}
            {"id": "null-source", "path": "img-00.png", "source": null}
            {"id": "fine", "path": "img-01.png", "source": "https://shop.example/1.jpg"}
            """u8.ToArray());

        Assert.Equal(ExitCodes.SomeRejected, await Runner.RunAsync("index", "--manifest", manifest, "--no-progress", "--report", ReportPath));

        var report = IndexerRunner.ReadReport(ReportPath);
        var items = IndexerRunner.ReportItems(report);
        Assert.Equal(("rejected", "InvalidManifestLine", "gallery.jsonl:4"), items["number-source"]);
        Assert.Equal("the member \"source\" must be a string, not number.", IndexerRunner.ReportReason(report, "number-source"));
        foreach (var member in (string[])["path", "metadata"])
        {
            Assert.Equal($"the member \"{member}\" is given more than once.", IndexerRunner.ReportReason(report, $"twice-{member}"));
        }
        Assert.Contains(items, i => i.Value.Source == "gallery.jsonl:1" && i.Value.Code == "InvalidManifestLine");
        Assert.Equal(["fine", "null-source"], (await GalleryRows.ReadAsync(Schema)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_csv_header_naming_a_column_twice_is_an_input_error()
    {
        Files.Images(1);
        var manifest = Files.Bytes("gallery.csv", "id,path,ID\none,img-00.png,two\n"u8.ToArray());

        var (exit, _, stderr) = await Runner.RunChildAsync("index", "--manifest", manifest, "--no-progress");

        Assert.True(exit == ExitCodes.InputError, stderr);
        Assert.Contains("the header names the column id more than once", stderr, StringComparison.Ordinal);
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
    }
}

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
}

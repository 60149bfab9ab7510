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
}

using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary>Paths the indexer cannot use are input errors (exit 2) reported in one line, before anything is indexed.</summary>
public sealed class CommandLineMistakeTests : IsolatedTest
{
    [Fact]
    public async Task Empty_input_and_report_paths_are_input_errors()
    {
        Files.Images(1);

        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", "", "--no-progress"));
        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", "--manifest", "", "--no-progress"));
        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", ""));
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
    }

    [Fact]
    public async Task A_report_path_that_cannot_be_written_is_refused_before_anything_is_indexed()
    {
        Files.Images(1);
        var notAFolder = Files.Bytes("notes.txt", "a file"u8.ToArray());

        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", Files.Folder));
        Assert.Equal(ExitCodes.InputError, await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", Path.Combine(notAFolder, "report.json")));
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
        var (exit, _, stderr) = await Runner.RunChildAsync("index", Files.Folder, "--no-progress", "--report", Files.Folder);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Equal($"indexer: The report '{Files.Folder}' cannot be written: it is a folder; give a file name.", stderr.Trim());
    }

    // Made unreadable by chmod and read by an unprivileged process (IndexerRunner.Unprivileged), so that it fails to open
    // as for any user without permission, root included.
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_manifest_that_cannot_be_read_is_an_input_error_in_one_line()
    {
        Files.Images(1);
        var manifest = Files.Bytes("gallery.csv", "id,path\none,img-00.png\n"u8.ToArray());
        var runner = new IndexerRunner(Schema) { Unprivileged = true };

        using (Files.Locked("gallery.csv"))
        {
            var (exit, _, stderr) = await runner.RunChildAsync("index", "--manifest", manifest, "--no-progress");

            Assert.True(exit == ExitCodes.InputError, stderr);
            Assert.StartsWith($"indexer: The manifest '{manifest}' cannot be read: ", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.Trim().Split('\n'));
        }
        Assert.Empty(await GalleryRows.ReadAsync(Schema));
    }
}

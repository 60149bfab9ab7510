namespace RetrievalService.Docs.Tests;

/// <summary>The checker on a small made-up repository, so that each kind of broken link is seen to be reported.</summary>
public sealed class LinkCheckerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docs-links-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Links_to_existing_files_folders_and_headings_pass()
    {
        Write("manual/target.md", "# Title\n\n## Set-up: the `tool`\n\n## Set-up: the `tool`\n");
        Write("manual/sub/README.md", "# Sub\n");
        Write("manual/page.md", string.Join('\n',
            "[a](target.md) [b](target.md#set-up-the-tool) [c](target.md#set-up-the-tool-1) [d](sub) [e](sub/#sub)",
            "[f](#local) ![g](<target.md>) [h](https://example.com/missing.md) [i](../manual/target.md \"title\")",
            "",
            "## Local",
            "",
            "[ref]: target.md#title"));

        Assert.Empty(new LinkChecker(_root).Check(Path.Combine(_root, "manual/page.md")));
    }

    [Fact]
    public void Missing_files_missing_headings_and_paths_outside_the_repository_are_reported_with_their_line()
    {
        Write("manual/target.md", "# Title\n");
        Write("manual/page.md", "intro\n[a](missing.md) [b](target.md#no-such-heading)\n[c](../../outside.md) [d](#nowhere)\n");

        var problems = new LinkChecker(_root).Check(Path.Combine(_root, "manual/page.md"));

        Assert.Equal(4, problems.Count);
        Assert.StartsWith("manual/page.md:2: missing.md: no such file", problems[0]);
        Assert.StartsWith("manual/page.md:2: target.md#no-such-heading: no heading", problems[1]);
        Assert.StartsWith("manual/page.md:3: ../../outside.md: points outside", problems[2]);
        Assert.StartsWith("manual/page.md:3: #nowhere: no heading", problems[3]);
    }

    [Fact]
    public void Links_inside_code_are_not_links()
    {
        Write("manual/page.md", "```md\n[a](missing.md)\n# not a heading\n```\n`[b](missing.md)` and ``[c](missing.md)``\n");

        Assert.Empty(new LinkChecker(_root).Check(Path.Combine(_root, "manual/page.md")));
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

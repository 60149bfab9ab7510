namespace RetrievalService.Docs.Tests;

/// <summary>Every relative link of the repository's documentation leads somewhere: a file, a folder or a heading.</summary>
public sealed class DocumentationLinkTests
{
    [Fact]
    public void Every_relative_link_in_docs_resolves()
    {
        var docs = Path.Combine(RepoPaths.Root, "docs");
        var files = Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        AssertNoBrokenLinks(files);
    }

    [Fact]
    public void Every_relative_link_in_the_README_resolves()
    {
        AssertNoBrokenLinks([Path.Combine(RepoPaths.Root, "README.md")]);
    }

    [Fact]
    public void Every_docs_page_and_heading_named_in_code_comments_and_scripts_exists()
    {
        var checker = new LinkChecker(RepoPaths.Root);
        var pointers = DocPointers.In(RepoPaths.Root).ToList();
        Assert.NotEmpty(pointers);
        var broken = pointers.SelectMany(p => checker.Check(p.File, p.Link)).ToList();
        Assert.True(broken.Count == 0, $"{broken.Count} broken pointers:\n" + string.Join('\n', broken));
    }

    private static void AssertNoBrokenLinks(IEnumerable<string> files)
    {
        var checker = new LinkChecker(RepoPaths.Root);
        var broken = files.SelectMany(checker.Check).ToList();
        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n" + string.Join('\n', broken));
    }
}

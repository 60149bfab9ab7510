using System.Text.RegularExpressions;

namespace RetrievalService.Docs.Tests;

/// <summary>A link written in a Markdown file: its target as written and the 1-based line it is on.</summary>
internal sealed record MarkdownLink(string Target, int Line);

/// <summary>The links and anchors of one Markdown file, read the way GitHub renders it (code is not Markdown).</summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(IReadOnlyList<MarkdownLink> links, IReadOnlySet<string> anchors)
    {
        Links = links;
        Anchors = anchors;
    }

    /// <summary>Inline links, images and reference definitions outside code.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>Heading slugs (numbered as GitHub numbers repeats) and explicit HTML ids.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public static MarkdownDocument Parse(string markdown)
    {
        var links = new List<MarkdownLink>();
        var headings = new List<string>();
        var htmlIds = new List<string>();
        string? fence = null;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var fenceMatch = Fence().Match(line);
            if (fenceMatch.Success && (fence is null || fenceMatch.Groups[1].Value.StartsWith(fence, StringComparison.Ordinal)))
            {
                fence = fence is null ? fenceMatch.Groups[1].Value : null;
                continue;
            }
            if (fence is not null)
            {
                continue;
            }
            var text = CodeSpan().Replace(line, "");
            var heading = Heading().Match(text);
            if (heading.Success)
            {
                // Slugs come from the heading as written, code spans included.
                headings.Add(Heading().Match(line).Groups[1].Value);
            }
            htmlIds.AddRange(HtmlId().Matches(text).Select(m => m.Groups[1].Value));
            links.AddRange(InlineLink().Matches(text).Select(m => new MarkdownLink(m.Groups[1].Value, i + 1)));
            links.AddRange(ReferenceDefinition().Matches(text).Select(m => new MarkdownLink(m.Groups[1].Value, i + 1)));
        }
        var anchors = new HashSet<string>(GitHubSlug.Numbered(headings), StringComparer.Ordinal);
        anchors.UnionWith(htmlIds);
        return new MarkdownDocument(links, anchors);
    }

    [GeneratedRegex(@"^\s{0,3}(`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(`+).*?\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:name|id)=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlId();

    // [text](target "title") or ![alt](<target>); the text may hold one level of nested brackets.
    [GeneratedRegex(@"\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)")]
    private static partial Regex ReferenceDefinition();
}

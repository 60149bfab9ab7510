using System.Text.RegularExpressions;

namespace RetrievalService.Docs.Tests;

/// <summary>
/// Finds relative links in Markdown files that do not resolve inside the repository: a missing file or folder, a path
/// that leaves the repository, or an <c>#anchor</c> with no matching heading in the Markdown file it points to.
/// </summary>
internal sealed partial class LinkChecker(string root)
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly Dictionary<string, MarkdownDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>One line per broken link: <c>file:line: target: why</c>, paths relative to the root.</summary>
    public IReadOnlyList<string> Check(string markdownFile)
    {
        var file = Path.GetFullPath(markdownFile);
        return Document(file).Links.SelectMany(link => Check(file, link)).ToList();
    }

    /// <summary>The problem with one link written in <paramref name="file"/>, if any, in the same form.</summary>
    public IEnumerable<string> Check(string file, MarkdownLink link)
    {
        if (External().IsMatch(link.Target))
        {
            yield break;
        }
        var from = Path.GetFullPath(file);
        var problem = Resolve(from, link.Target);
        if (problem is not null)
        {
            yield return $"{Relative(from)}:{link.Line}: {link.Target}: {problem}";
        }
    }

    private string? Resolve(string file, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var resolved = path.Length == 0 ? file
            : Path.GetFullPath(path.StartsWith('/') ? Path.Combine(_root, path.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(file)!, path));
        if (!resolved.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && resolved != _root)
        {
            return "points outside the repository";
        }
        if (Directory.Exists(resolved))
        {
            resolved = Path.Combine(resolved, "README.md");
            if (anchor is null || !File.Exists(resolved))
            {
                return anchor is null ? null : "a folder without README.md cannot have an anchor";
            }
        }
        else if (!File.Exists(resolved))
        {
            return "no such file or folder";
        }
        if (anchor is null || !resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return Document(resolved).Anchors.Contains(anchor) ? null : $"no heading with anchor #{anchor} in {Relative(resolved)}";
    }

    private MarkdownDocument Document(string file)
    {
        if (!_documents.TryGetValue(file, out var document))
        {
            document = MarkdownDocument.Parse(File.ReadAllText(file));
            _documents[file] = document;
        }
        return document;
    }

    private string Relative(string path) => Path.GetRelativePath(_root, path).Replace('\\', '/');

    // A scheme (https:, mailto:) or a protocol-relative address: not a file in this repository.
    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")]
    private static partial Regex External();
}

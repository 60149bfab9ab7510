using System.Text.RegularExpressions;

namespace RetrievalService.Docs.Tests;

/// <summary>
/// Pointers to documentation written in code comments and scripts (<c>docs/method.md#losses</c>): not Markdown links,
/// but a reader follows them the same way.
/// </summary>
internal static partial class DocPointers
{
    private static readonly string[] Folders = ["src", "tests", "bench", "scripts", "deploy"];
    private static readonly string[] Extensions = [".cs", ".sh", ".csproj", ".props", ".yaml", ".yml"];

    /// <summary>Every pointer under the code folders, as a Markdown link relative to the repository root.</summary>
    public static IEnumerable<(string File, MarkdownLink Link)> In(string root)
    {
        foreach (var file in CodeFiles(root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Pointer().Matches(lines[i]))
                {
                    yield return (file, new MarkdownLink("/" + match.Value.TrimEnd('.'), i + 1));
                }
            }
        }
    }

    private static IEnumerable<string> CodeFiles(string root) =>
        Folders.Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => Extensions.Contains(Path.GetExtension(file)) || Path.GetFileName(file) == "Dockerfile")
            .Where(file => !IsBuildOutput(root, file))
            .Append(Path.Combine(root, "Dockerfile"))
            .Where(File.Exists);

    private static bool IsBuildOutput(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    // A path under docs/ ending in .md, with an optional anchor of letters, digits, '-' and '_'.
    [GeneratedRegex(@"(?<![\w/])docs/[\w./-]+?\.md(#[\p{L}\p{N}_-]+)?")]
    private static partial Regex Pointer();
}

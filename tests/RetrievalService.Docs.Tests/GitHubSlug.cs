using System.Text;
using System.Text.RegularExpressions;

namespace RetrievalService.Docs.Tests;

/// <summary>
/// The anchor GitHub gives a heading: the rendered text lower-cased, every character that is not a letter, digit,
/// space, '-' or '_' dropped, spaces turned into '-'. A repeated slug in one file gets "-1", "-2", … in order.
/// </summary>
internal static partial class GitHubSlug
{
    public static string Of(string headingText)
    {
        var text = RenderedText(headingText).ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (char.IsLetterOrDigit(c) || c is '-' or '_' || char.GetUnicodeCategory(c) is
                System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
        }
        return slug.ToString();
    }

    /// <summary>The slugs of headings in file order, numbered the way GitHub numbers repeats.</summary>
    public static IReadOnlyList<string> Numbered(IEnumerable<string> headingTexts)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var slugs = new List<string>();
        foreach (var heading in headingTexts)
        {
            var slug = Of(heading);
            if (seen.TryGetValue(slug, out var count))
            {
                seen[slug] = count + 1;
                slugs.Add($"{slug}-{count}");
            }
            else
            {
                seen[slug] = 1;
                slugs.Add(slug);
            }
        }
        return slugs;
    }

    // Headings are slugged from what GitHub renders: link text without its target, code without backticks,
    // emphasis without its asterisks, HTML tags gone.
    private static string RenderedText(string markdown)
    {
        var text = InlineLink().Replace(markdown, "$1");
        text = HtmlTag().Replace(text, "");
        return text.Replace("`", "").Replace("*", "").Trim();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();
}

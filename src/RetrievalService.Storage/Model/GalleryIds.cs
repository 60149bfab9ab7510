using System.Globalization;

namespace RetrievalService.Storage.Model;

/// <summary>
/// Rules for gallery ids and model ids. A gallery id becomes one URL path segment (<c>/images/{id}</c>), so it
/// is 1..256 characters with no control or format characters, no <c>/</c> or <c>\</c>, no leading or trailing
/// white space, no text <c>%2F</c>, and is not <c>.</c> or <c>..</c> (clients normalise those segments away). Anything else is
/// allowed, including Unicode; clients percent-encode the segment. Indexers deriving ids from relative paths
/// replace the separators (e.g. <c>a/b.jpg</c> → <c>a:b.jpg</c>). Model ids are 1..128 of
/// <c>A-Z a-z 0-9 . _ - + @</c>.
/// </summary>
public static class GalleryIds
{
    /// <summary>Longest gallery id, in UTF-16 code units.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Longest model id.</summary>
    public const int MaxModelIdLength = 128;

    /// <summary>Returns null when <paramref name="id"/> is a valid gallery id, else why not.</summary>
    public static string? Check(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "the id is empty";
        }
        if (id.Length > MaxIdLength)
        {
            return $"the id has {id.Length} characters; at most {MaxIdLength} are allowed";
        }
        if (id is "." or ".." || char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]))
        {
            return "the id must not be '.' or '..' nor start or end with white space";
        }
        foreach (var c in id)
        {
            if (c is '/' or '\\')
            {
                return "the id must not contain '/' or '\\' (it is one URL path segment)";
            }
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return $"the id contains the control or format character U+{(int)c:X4}";
            }
        }
        // The server decodes every escape of a path but %2F, so an id holding that text could never be addressed as
        // /images/{id}: its escaped form (%252F) and an escaped slash (%2F) reach the endpoint as the same string.
        if (id.Contains("%2F", StringComparison.OrdinalIgnoreCase))
        {
            return "the id must not contain '%2F', which a URL path cannot tell from an escaped '/'";
        }
        return HasLoneSurrogate(id) ? "the id contains an unpaired UTF-16 surrogate" : null;
    }

    /// <summary>Returns null when <paramref name="modelId"/> is a valid model id, else why not.</summary>
    public static string? CheckModelId(string? modelId)
    {
        if (string.IsNullOrEmpty(modelId) || modelId.Length > MaxModelIdLength)
        {
            return $"a model id has 1..{MaxModelIdLength} characters";
        }
        return modelId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '@')
            ? null
            : $"model id '{modelId}' may contain only A-Z a-z 0-9 . _ - + @";
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }
        return false;
    }
}

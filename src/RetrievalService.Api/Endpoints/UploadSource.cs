using System.Text;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// The <c>source</c> of an uploaded file: <c>upload:</c> and the file name the client declared, reduced to its last path
/// segment and to letters, digits and <c>. _ - +</c> (anything else becomes <c>_</c>), at most 128 characters. The
/// name is echoed by every search result; it must not carry markup, paths or control characters.
/// </summary>
internal static class UploadSource
{
    public const string Prefix = "upload:";

    private const int MaxNameLength = 128;

    /// <summary>The source for a file named <paramref name="fileName"/> (or, when it has none, its <paramref name="id"/>).</summary>
    public static string For(string? fileName, string id)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? id : fileName;
        var lastSegment = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var safe = new StringBuilder(Math.Min(lastSegment.Length, MaxNameLength));
        foreach (var c in lastSegment.Take(MaxNameLength))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' ? c : '_');
        }
        // A name that was only a path ("../") or nothing safe at all still needs a visible source.
        var text = safe.ToString().Trim('.');
        return Prefix + (text.Length == 0 ? "file" : text);
    }
}

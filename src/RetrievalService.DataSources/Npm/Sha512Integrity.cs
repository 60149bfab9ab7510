using System.Security.Cryptography;

namespace RetrievalService.DataSources.Npm;

/// <summary>Subresource-Integrity ("sha512-&lt;base64&gt;") digests, the form npm publishes in <c>dist.integrity</c>.</summary>
public static class Sha512Integrity
{
    private const string Prefix = "sha512-";

    /// <summary>The integrity string of a file's bytes.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var digest = await SHA512.HashDataAsync(stream, ct);
        return Prefix + Convert.ToBase64String(digest);
    }

    /// <summary>True when the file exists and its digest equals <paramref name="expected"/>.</summary>
    public static async Task<bool> MatchesAsync(string path, string expected, CancellationToken ct)
    {
        if (!expected.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only sha512 integrity strings are accepted, got '{expected}'.", nameof(expected));
        }
        return File.Exists(path) && string.Equals(await OfFileAsync(path, ct), expected, StringComparison.Ordinal);
    }
}

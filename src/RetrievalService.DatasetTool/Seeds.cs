using System.Security.Cryptography;
using System.Text;

namespace RetrievalService.DatasetTool;

/// <summary>
/// Per-item random streams derived from the build seed and stable names, so an item's random choices do not
/// depend on how many other items exist or on the order threads reach it.
/// </summary>
public static class Seeds
{
    /// <summary>A generator for <paramref name="parts"/> under <paramref name="seed"/>.</summary>
    public static Random For(int seed, params string[] parts) => new(Derive(seed, parts));

    /// <summary>The 32-bit seed behind <see cref="For"/>.</summary>
    public static int Derive(int seed, params string[] parts)
    {
        // string.GetHashCode is randomised per process; a content hash is the same on every run and machine.
        var text = string.Join('\u001f', [seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. parts]);
        return BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
    }
}

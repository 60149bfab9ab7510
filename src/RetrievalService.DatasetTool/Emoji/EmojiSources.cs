using RetrievalService.DataSources.Npm;

namespace RetrievalService.DatasetTool.Emoji;

/// <summary>
/// The four vendors' drawings, npm <c>emoji-datasource-&lt;vendor&gt;</c> 16.0.0 (see docs/sources.md#emoji-of-four-vendors-npm). Licences differ
/// (Apple's is not for commercial use, Facebook's unclear): build locally, never commit or redistribute the images.
/// </summary>
public static class EmojiSources
{
    /// <summary>The emoji-datasource release every vendor package is pinned to.</summary>
    public const string Version = "16.0.0";

    /// <summary>Vendor → package, pinned by <c>npm view emoji-datasource-&lt;vendor&gt;@16.0.0 dist.integrity</c>; vendors in ordinal order.</summary>
    public static readonly IReadOnlyList<(string Vendor, NpmPackage Package)> Vendors =
    [
        ("apple", new("emoji-datasource-apple", Version, "sha512-dVYjsK0FnCry9F+PBtnivhG2K0xdwlmqYaSgiUtztUdAGPYiHYhZcVKvNBqC791g2qyEcFNTBO6utg4eQ3uLTw==")),
        ("facebook", new("emoji-datasource-facebook", Version, "sha512-b9ZxJdB7nMWGckH1vyCjPSosaa6MJYuojPPFiQ0LmDIZS8vlG454XKcmTFKrXIMAA72O4MRJMYFhvWI8pjyciQ==")),
        ("google", new("emoji-datasource-google", Version, "sha512-ZRexfzs7MVoLnmzZmNsO4TKhnAJp5D++Vm6PpUpH/jEQQlemp3l88CjZ+DoZ2faM9R4QxZkOPJCoT8DlPhfQ3A==")),
        ("twitter", new("emoji-datasource-twitter", Version, "sha512-7F+uCuHH+7Qnrc15P5tnbvKkg9E6tlzi4MnT2uW1RlN4pLYTza6cP/dstIfSDMtpjFLWuZewWg8jBbuL2eyELQ==")),
    ];

    /// <summary>Downloads (once) and verifies the four tarballs; returns vendor → extracted <c>package/</c> folder, in vendor order.</summary>
    public static async Task<IReadOnlyList<(string Vendor, string PackageDir)>> FetchAsync(string sourcesDir, CancellationToken ct)
    {
        // The sheets make each tarball 60–100 MB; a long timeout keeps slow mirrors working.
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(20) };
        var fetcher = new NpmPackageFetcher(http);
        var result = new List<(string, string)>();
        foreach (var (vendor, package) in Vendors)
        {
            result.Add((vendor, await fetcher.FetchAsync(package, sourcesDir, ct)));
        }
        return result;
    }

    /// <summary>Where a vendor's 64-px drawing of an emoji lives inside its package folder.</summary>
    public static string ImagePath(string packageDir, string vendor, string image) =>
        Path.Combine(packageDir, "img", vendor, "64", image);
}

namespace RetrievalService.DataSources.Npm;

/// <summary>The student backbone's source: npm <c>nsfwjs</c> 4.4.0 (MIT), see docs/sources.md#student-backbone-mobilenetv2-14-from-npm.</summary>
public static class NsfwjsSource
{
    /// <summary>Pinned by <c>npm view nsfwjs@4.4.0 dist.integrity</c>.</summary>
    public static readonly NpmPackage Package = new(
        "nsfwjs", "4.4.0",
        "sha512-krC1fgeTLXtZwgdpKJ0jm7hqv0gTSRQQRL+FhOaxaJ9Wj92t42BO3csO2odwgTAgZgf2RvkwPtp0R8Aa7dc+MA==");

    /// <summary>The MobileNetV2 1.4 graph model inside the package folder.</summary>
    public const string MobileNetV2ModelPath = "dist/models/mobilenet_v2_mid";

    /// <summary>Where <see cref="FetchAsync(string, CancellationToken)"/> puts the package: <c>&lt;dataDir&gt;/sources/nsfwjs-4.4.0/package</c>.</summary>
    public static string PackageDir(string dataDir) =>
        Path.Combine(NpmPackageFetcher.ExtractedDir(SourcesDir(dataDir), Package), "package");

    /// <summary>Downloads (once) and verifies the package; returns the extracted package folder.</summary>
    public static async Task<string> FetchAsync(string dataDir, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        return await FetchAsync(http, dataDir, ct);
    }

    /// <summary>As <see cref="FetchAsync(string, CancellationToken)"/> with a caller-owned client.</summary>
    public static Task<string> FetchAsync(HttpClient http, string dataDir, CancellationToken ct) =>
        new NpmPackageFetcher(http).FetchAsync(Package, SourcesDir(dataDir), ct);

    private static string SourcesDir(string dataDir) => Path.Combine(dataDir, "sources");
}

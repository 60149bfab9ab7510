namespace RetrievalService.DataSources.Npm;

/// <summary>
/// Downloads an npm tarball, checks it against its pinned sha512 and extracts it under a sources folder:
/// <c>&lt;sourcesDir&gt;/&lt;stem&gt;.tgz</c> and <c>&lt;sourcesDir&gt;/&lt;stem&gt;/package/…</c>.
/// Idempotent: a folder whose marker records the same integrity is reused without network access.
/// </summary>
public sealed class NpmPackageFetcher(HttpClient http)
{
    /// <summary>Environment variable that overrides the registry base URL (a mirror or a local proxy).</summary>
    public const string RegistryVariable = "NPM_REGISTRY";

    public const string DefaultRegistry = "https://registry.npmjs.org";

    /// <summary>File beside <c>package/</c> that records the integrity the tarball was verified against.</summary>
    public const string IntegrityMarker = ".integrity";

    /// <summary>The registry base in effect: <see cref="RegistryVariable"/> when set, else the public registry.</summary>
    public static string Registry =>
        Environment.GetEnvironmentVariable(RegistryVariable) is { Length: > 0 } custom ? custom : DefaultRegistry;

    /// <summary>Folder the package is extracted to (it contains npm's top-level <c>package/</c> folder).</summary>
    public static string ExtractedDir(string sourcesDir, NpmPackage package) => Path.Combine(sourcesDir, package.Stem);

    /// <summary>Ensures the verified package is extracted; returns its <c>package/</c> folder.</summary>
    public async Task<string> FetchAsync(NpmPackage package, string sourcesDir, CancellationToken ct)
    {
        var extracted = ExtractedDir(sourcesDir, package);
        var marker = Path.Combine(extracted, IntegrityMarker);
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker, ct) == package.Integrity)
        {
            return Path.Combine(extracted, "package");
        }

        Directory.CreateDirectory(sourcesDir);
        var tarball = Path.Combine(sourcesDir, package.Stem + ".tgz");
        if (!await Sha512Integrity.MatchesAsync(tarball, package.Integrity, ct))
        {
            await DownloadAsync(package.TarballUri(Registry), tarball, ct);
            var actual = await Sha512Integrity.OfFileAsync(tarball, ct);
            if (actual != package.Integrity)
            {
                File.Delete(tarball);
                throw new InvalidDataException(
                    $"{package.Name}@{package.Version}: tarball integrity {actual} does not match the pinned {package.Integrity}.");
            }
        }

        // Extract beside the target and rename, so an interrupted run never leaves a half folder that looks done.
        var staging = extracted + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        await TarballExtractor.ExtractAsync(tarball, staging, ct);
        await File.WriteAllTextAsync(Path.Combine(staging, IntegrityMarker), package.Integrity, ct);
        if (Directory.Exists(extracted))
        {
            Directory.Delete(extracted, recursive: true);
        }
        Directory.Move(staging, extracted);
        return Path.Combine(extracted, "package");
    }

    private async Task DownloadAsync(Uri uri, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {uri} returned {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
        var temporary = path + ".download";
        await using (var file = File.Create(temporary))
        {
            await response.Content.CopyToAsync(file, ct);
        }
        File.Move(temporary, path, overwrite: true);
    }
}

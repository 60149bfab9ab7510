using System.Text.Encodings.Web;
using System.Text.Json;

namespace RetrievalService.DataSources.Photos;

/// <summary>
/// Writes the demo gallery as an indexer manifest in JSON lines (docs/indexing.md): one
/// <c>{"id", "path", "source", "metadata": {"package"}}</c> per photo. The source names the Debian package and the
/// file in it (<c>debian:&lt;package&gt;/&lt;path&gt;</c>), so clients never see this machine's folders.
/// </summary>
public static class DemoGalleryManifest
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Paths stay readable (non-ASCII file names are not \u-escaped); the file is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One JSON line per photo of <see cref="DemoGallery.Enumerate"/>, in its order.</summary>
    public static IReadOnlyList<string> Lines(string debsDir) =>
        [.. DemoGallery.Enumerate(debsDir).Select(photo => JsonSerializer.Serialize(
            new ManifestLine(DemoGallery.Id(photo.Key), photo.Path, $"debian:{photo.Key}", new PackageMetadata(photo.Package)), Options))];

    private sealed record ManifestLine(string Id, string Path, string Source, PackageMetadata Metadata);

    private sealed record PackageMetadata(string Package);
}

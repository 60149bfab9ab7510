using SkiaSharp;

namespace RetrievalService.DecodeBench.ImageSet;

/// <summary>
/// The real photographs the benchmark set is made from: camera photos from the Debian package
/// <c>lomiri-wallpapers-16.04</c> of the photo pool (<c>scripts/fetch-photos.sh</c>), taken in ordinal path
/// order among those of at least <see cref="MinSourcePixels"/>, so every machine picks the same ones.
/// </summary>
internal static class SourcePhotos
{
    // Photographers' submissions: the large ones are all camera photos (no renders or patterns), 8–16 MP.
    private const string Folder = "lomiri-wallpapers-16.04/usr/share/backgrounds";

    // Large enough that the 12 MP cell is at most a 1.6× upscale of the 4:3 crop of any source.
    private const long MinSourcePixels = 8_000_000;

    public static IReadOnlyList<string> Select(string debsDir, int count)
    {
        var folder = Path.Combine(debsDir, Folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} is missing; run scripts/fetch-photos.sh first.");
        }
        var photos = Directory.EnumerateFiles(folder, "*.jpg")
            .Order(StringComparer.Ordinal)
            .Where(path => Pixels(path) >= MinSourcePixels)
            .Take(count)
            .ToList();
        if (photos.Count < count)
        {
            throw new InvalidOperationException($"{folder} holds only {photos.Count} JPEGs of {MinSourcePixels} pixels or more; {count} wanted.");
        }
        return photos;
    }

    private static long Pixels(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"Skia cannot read {path}.");
        return (long)codec.Info.Width * codec.Info.Height;
    }
}

using SkiaSharp;

namespace RetrievalService.DecodeBench.ImageSet;

/// <summary>
/// Writes the benchmark set with SkiaSharp's encoders. Deterministic (same photos, same crops, same filters) and
/// idempotent: a file that exists is kept, and a file appears only once it is complete.
/// </summary>
internal sealed class ImageSetWriter(string root, IReadOnlyList<string> photos) : IDisposable
{
    private readonly Dictionary<string, SKBitmap> decoded = [];

    /// <summary>Writes the missing files of <paramref name="spec"/>; returns how many were written.</summary>
    public int Write(BenchImageSpec spec, Action<string> progress)
    {
        var folder = Path.Combine(root, spec.Folder);
        Directory.CreateDirectory(folder);
        var written = 0;
        for (var i = 0; i < photos.Count; i++)
        {
            var path = Path.Combine(folder, FileName(i, photos[i], spec.Format));
            if (File.Exists(path))
            {
                continue;
            }
            using var scaled = PhotoResampler.CropAndScale(Source(photos[i]), spec.Width, spec.Height);
            using var data = BenchEncoder.Encode(scaled, spec.Format);
            var partial = path + ".tmp";
            using (var file = File.Create(partial))
            {
                data.SaveTo(file);
            }
            File.Move(partial, path, overwrite: true);
            progress($"{spec.Folder}: wrote {Path.GetFileName(path)} ({data.Size / 1024.0 / 1024.0:F1} MiB)");
            written++;
        }
        return written;
    }

    public void Dispose()
    {
        foreach (var bitmap in decoded.Values)
        {
            bitmap.Dispose();
        }
    }

    private static string FileName(int index, string photo, BenchImageFormat format)
    {
        var stem = Path.GetFileNameWithoutExtension(photo);
        var name = stem.Split("_by_")[0].ToLowerInvariant();
        return $"{index + 1}-{name}{format.Extension()}";
    }

    private SKBitmap Source(string photo)
    {
        if (!decoded.TryGetValue(photo, out var bitmap))
        {
            // Opaque RGBA, so PNG comes out as 8-bit RGB without an alpha channel and every format starts from the same pixels.
            using var codec = SKCodec.Create(photo) ?? throw new InvalidDataException($"Skia cannot read {photo}.");
            bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
            if (result != SKCodecResult.Success)
            {
                bitmap.Dispose();
                throw new InvalidDataException($"Skia decoded {photo} with {result}.");
            }
            decoded[photo] = bitmap;
        }
        return bitmap;
    }
}

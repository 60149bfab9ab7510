using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>
/// A pool photo as a dataset image: the original bytes when its longer side is at most <see cref="MaxLongerSide"/>,
/// else a bicubic reduction re-encoded in the same format (so 5K wallpapers stay under the service's upload limits).
/// </summary>
public static class GalleryCopy
{
    /// <summary>Longer side above which a photo is reduced; the retrieval protocol's largest input (docs/method.md#evaluation-protocol).</summary>
    public const int MaxLongerSide = 1024;

    /// <summary>Encoded bytes for the dataset.</summary>
    public static byte[] Bytes(string path, int width, int height)
    {
        if (Math.Max(width, height) <= MaxLongerSide)
        {
            return File.ReadAllBytes(path);
        }
        using var image = PhotoLoader.Load(path);
        Reduce(image);
        using var stream = new MemoryStream();
        if (IsPng(path))
        {
            image.SaveAsPng(stream, new PngEncoder { CompressionLevel = PngCompressionLevel.DefaultCompression });
        }
        else
        {
            image.SaveAsJpeg(stream, new JpegEncoder { Quality = 92 });
        }
        return stream.ToArray();
    }

    /// <summary>Shrinks <paramref name="image"/> in place (bicubic, aspect kept) when its longer side exceeds <see cref="MaxLongerSide"/>.</summary>
    public static void Reduce(Image image)
    {
        var longer = Math.Max(image.Width, image.Height);
        if (longer <= MaxLongerSide)
        {
            return;
        }
        var scale = MaxLongerSide / (double)longer;
        var (width, height) = (Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
        image.Mutate(x => x.Resize(width, height, KnownResamplers.Bicubic));
    }

    /// <summary>The extension the dataset file gets: the source's, lower case (PNG stays PNG, everything else becomes JPEG when reduced).</summary>
    public static string Extension(string path, int width, int height) =>
        Math.Max(width, height) <= MaxLongerSide || IsPng(path) ? Path.GetExtension(path).ToLowerInvariant() : ".jpg";

    private static bool IsPng(string path) => Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase);
}

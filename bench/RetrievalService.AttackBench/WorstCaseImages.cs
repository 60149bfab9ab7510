using SkiaSharp;

namespace RetrievalService.AttackBench;

/// <summary>A query image at a decoding limit, made here so nothing third-party is committed.</summary>
internal sealed record WorstCaseImage(string Name, string Description, byte[] Bytes, string MediaType);

/// <summary>
/// The images that cost the most memory per request under the default limits (appsettings.json): a PNG of 16 MP
/// (<c>MaxPixels</c>: PNG is decoded whole), a baseline JPEG of 256 MP (<c>MaxScaledSourcePixels</c>: decoded reduced),
/// and a 12 MP phone-sized JPEG for scale. Textured so that the files have realistic sizes and decoders real work.
/// </summary>
internal static class WorstCaseImages
{
    public static IReadOnlyList<WorstCaseImage> Create() =>
    [
        new("png-16mp", "PNG 4000×4000 (MaxPixels, decoded whole)", Encode(4000, 4000, SKEncodedImageFormat.Png, 100, noise: 6), "image/png"),
        new("jpeg-256mp", "baseline JPEG 16000×16000 (MaxScaledSourcePixels, decoded reduced)", Encode(16000, 16000, SKEncodedImageFormat.Jpeg, 80, noise: 0), "image/jpeg"),
        new("jpeg-12mp", "baseline JPEG 4000×3000 (a phone photo)", Encode(4000, 3000, SKEncodedImageFormat.Jpeg, 90, noise: 6), "image/jpeg"),
    ];

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality, int noise)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(width ^ height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = 4 * (y * width + x);
                var jitter = noise == 0 ? 0 : random.Next(-noise, noise + 1);
                pixels[i] = Channel(128 + 100 * Math.Sin(x / 97.0) + jitter);
                pixels[i + 1] = Channel(128 + 100 * Math.Cos(y / 131.0) + jitter);
                pixels[i + 2] = Channel(128 + 60 * Math.Sin((x + y) / 53.0) + jitter);
                pixels[i + 3] = 255;
            }
        }
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    private static byte Channel(double value) => (byte)Math.Clamp(value, 0, 255);
}

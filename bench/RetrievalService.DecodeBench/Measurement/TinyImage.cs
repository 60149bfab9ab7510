using RetrievalService.DecodeBench.ImageSet;
using SkiaSharp;

namespace RetrievalService.DecodeBench.Measurement;

/// <summary>A small encoded image of a given format, for loading a library's native code and JIT-compiling its paths.</summary>
internal static class TinyImage
{
    public static byte[] Encode(BenchImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(640, 480, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(90, 140, 200));
        }
        using var data = BenchEncoder.Encode(bitmap, format);
        return data.ToArray();
    }
}

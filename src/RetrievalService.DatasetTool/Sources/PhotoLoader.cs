using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>
/// Decodes pool photos the way the service decodes uploads (EXIF orientation applied, transparency composited
/// onto white, the models' manifest background), with a byte limit raised for 5K wallpapers.
/// </summary>
public static class PhotoLoader
{
    private static readonly ImageDecoder Decoder = new(new ImageDecodeLimits { MaxBytes = 64 * 1024 * 1024 });

    /// <summary>White, the background every model manifest in this repository declares.</summary>
    public static readonly Rgb24 Background = new(255, 255, 255);

    /// <summary>The decoded RGB image; the caller disposes it.</summary>
    public static Image<Rgb24> Load(string path)
    {
        var decoded = Decoder.Decode(File.ReadAllBytes(path), Background);
        return decoded.Image;
    }
}

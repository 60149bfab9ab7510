using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>
/// Decodes pool photos through the service's image pipeline (EXIF orientation applied, transparency composited
/// onto white, the models' manifest background), at full resolution and with the limits for local files, and
/// hands them to ImageSharp, which renders the dataset's views.
/// </summary>
public static class PhotoLoader
{
    private static readonly ImagePipeline Pipeline = new(ImageDecodeLimits.LocalFiles);

    /// <summary>White, the background every model manifest in this repository declares.</summary>
    public static readonly Rgb24 Background = new(255, 255, 255);

    /// <summary>The decoded RGB image; the caller disposes it.</summary>
    public static Image<Rgb24> Load(string path)
    {
        using var raster = Pipeline.Decode(File.ReadAllBytes(path), new RgbColor(Background.R, Background.G, Background.B));
        return Image.LoadPixelData<Rgb24>(raster.Pixels, raster.Width, raster.Height);
    }
}

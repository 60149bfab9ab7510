using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Training.Data;

/// <summary>
/// Moves pixels between the image pipeline's rasters and ImageSharp images, which training uses only for its
/// augmentations (crops, flips, colour jitter, blends): decoding and the final resize stay in the pipeline.
/// </summary>
internal static class ImageSharpBridge
{
    public static Image<Rgb24> ToImage(RgbRaster raster) =>
        Image.LoadPixelData<Rgb24>(raster.Pixels, raster.Width, raster.Height);

    public static RgbRaster ToRaster(Image<Rgb24> image)
    {
        var raster = RgbRaster.Create(image.Width, image.Height);
        image.CopyPixelDataTo(raster.Pixels);
        return raster;
    }
}

using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Training.Data;

/// <summary>
/// Light augmentation of an anchor image: a random resized crop keeping 60–100 % of the area with the aspect
/// ratio changed by at most 4/3 either way, then a horizontal flip half of the time. Mild on purpose: our
/// instances are pictures whose identity survives a flip and a moderate crop, and the positive side stays the
/// teacher's vector of an unaugmented image.
/// </summary>
public static class Augmentation
{
    /// <summary>Smallest fraction of the image area a crop keeps.</summary>
    public const double MinArea = 0.6;

    /// <summary>Largest factor by which a crop changes the aspect ratio.</summary>
    public const double MaxAspectChange = 4.0 / 3.0;

    /// <summary>Crops and flips <paramref name="image"/> in place, drawing from <paramref name="random"/>.</summary>
    public static void Apply(Image<Rgb24> image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(random);
        var crop = Crop(image.Width, image.Height, random);
        var flip = random.NextDouble() < 0.5;
        image.Mutate(x =>
        {
            x.Crop(crop);
            if (flip)
            {
                x.Flip(FlipMode.Horizontal);
            }
        });
    }

    /// <summary>The crop rectangle for a <paramref name="width"/>×<paramref name="height"/> image; always inside it.</summary>
    public static Rectangle Crop(int width, int height, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var area = MinArea + (1 - MinArea) * random.NextDouble();
        // Log-uniform aspect change, so widening and narrowing are equally likely.
        var aspect = Math.Exp((2 * random.NextDouble() - 1) * Math.Log(MaxAspectChange));
        var cropWidth = Math.Clamp((int)Math.Round(width * Math.Sqrt(area * aspect)), 1, width);
        var cropHeight = Math.Clamp((int)Math.Round(height * Math.Sqrt(area / aspect)), 1, height);
        var x = random.Next(width - cropWidth + 1);
        var y = random.Next(height - cropHeight + 1);
        return new Rectangle(x, y, cropWidth, cropHeight);
    }
}

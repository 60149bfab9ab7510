using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Training.Data;

/// <summary>
/// How a student input is perturbed: a random resized crop keeping <see cref="MinArea"/>–100 % of the area with
/// the aspect ratio changed by at most 4/3 either way, a horizontal flip half of the time, then (when
/// <see cref="ColourStrength"/> is above 0) brightness, contrast and saturation each scaled by up to
/// ±<see cref="ColourStrength"/>, a hue turn of up to ±<see cref="MaxHueDegrees"/> and grey scale with
/// <see cref="GrayscaleProbability"/>. The teacher's side always stays the vector of the unaugmented image.
/// </summary>
/// <param name="Name">Option value and manifest wording.</param>
/// <param name="MinArea">Smallest fraction of the image area a crop keeps.</param>
/// <param name="ColourStrength">Largest relative change of brightness, contrast and saturation; 0 leaves colours alone.</param>
/// <param name="MaxHueDegrees">Largest hue turn.</param>
/// <param name="GrayscaleProbability">Chance of dropping colour altogether.</param>
public sealed record Augmentation(string Name, double MinArea, double ColourStrength, double MaxHueDegrees, double GrayscaleProbability)
{
    /// <summary>Mild on purpose: our instances are pictures whose identity survives a flip and a moderate crop.</summary>
    public static readonly Augmentation Light = new("light", MinArea: 0.6, ColourStrength: 0, MaxHueDegrees: 0, GrayscaleProbability: 0);

    /// <summary>
    /// Closer to what queries go through (partial views, other light, colour lost): a crop down to a quarter of
    /// the image and colour jitter of the usual self-supervised strength.
    /// </summary>
    public static readonly Augmentation Strong = new("strong", MinArea: 0.25, ColourStrength: 0.3, MaxHueDegrees: 15, GrayscaleProbability: 0.1);

    /// <summary>Largest factor by which a crop changes the aspect ratio.</summary>
    public const double MaxAspectChange = 4.0 / 3.0;

    /// <summary>One line for manifests and logs.</summary>
    public string Describe() => ColourStrength > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} (crop to ≥ {MinArea:0.##} of the area + flip, brightness/contrast/saturation ±{ColourStrength:0.##}, hue ±{MaxHueDegrees:0.#}°, grey {GrayscaleProbability:0.##})")
        : $"{Name} (crop + flip)";

    /// <summary>Perturbs <paramref name="image"/> in place, drawing from <paramref name="random"/>.</summary>
    public void Apply(Image<Rgb24> image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(random);
        var crop = Crop(image.Width, image.Height, random);
        var flip = random.NextDouble() < 0.5;
        // Light draws nothing more, so its runs repeat draw for draw what they did before colour jitter existed.
        (float Brightness, float Contrast, float Saturation, float Hue, bool Grey)? colour = ColourStrength > 0
            ? (Jitter(random), Jitter(random), Jitter(random), (float)((2 * random.NextDouble() - 1) * MaxHueDegrees), random.NextDouble() < GrayscaleProbability)
            : null;
        image.Mutate(x =>
        {
            x.Crop(crop);
            if (flip)
            {
                x.Flip(FlipMode.Horizontal);
            }
            if (colour is { } c)
            {
                x.Brightness(c.Brightness).Contrast(c.Contrast).Saturate(c.Saturation).Hue(c.Hue);
                if (c.Grey)
                {
                    x.Grayscale();
                }
            }
        });
    }

    /// <summary>The crop rectangle for a <paramref name="width"/>×<paramref name="height"/> image; always inside it.</summary>
    public Rectangle Crop(int width, int height, Random random)
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

    private float Jitter(Random random) => (float)(1 + (2 * random.NextDouble() - 1) * ColourStrength);
}

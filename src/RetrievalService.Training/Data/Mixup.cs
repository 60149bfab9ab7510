using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Training.Data;

/// <summary>
/// Blends some student inputs with a second training image (mixup inputs, Zhang et al., ICLR 2018), each image
/// augmented on its own, the partner resized onto the first and weighted uniformly in [0, 1]. The student is then
/// pulled towards the teacher's vector of that very blend ("function matching", Beyer et al., CVPR 2022): a blend
/// has no label and no cached whole-image vector, so it only makes sense with the same-view target. What it buys
/// is variety: every pair of training images gives new inputs on which to match the teacher.
/// </summary>
/// <param name="Probability">Chance that an input is blended; the others stay plain (augmented) images, as queries are.</param>
public sealed record Mixup(double Probability)
{
    /// <summary>One line for manifests and logs.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"mixup with probability {Probability:0.##} (a second training image, augmented on its own, blended in with a weight uniform in [0, 1])");

    /// <summary>
    /// Whether the next input is blended, and with which partner weight. Draws nothing when <see cref="Probability"/>
    /// is 0, so runs without mixup repeat draw for draw.
    /// </summary>
    public float? DrawPartnerWeight(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Probability <= 0 || random.NextDouble() >= Probability)
        {
            return null;
        }
        return (float)random.NextDouble();
    }

    /// <summary>
    /// <paramref name="image"/> becomes (1 − w) · image + w · partner, the partner first resized to the image's
    /// size. The partner is changed (resized); the caller disposes it.
    /// </summary>
    public static void Blend(Image<Rgb24> image, Image<Rgb24> partner, float partnerWeight)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentOutOfRangeException.ThrowIfLessThan(partnerWeight, 0f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partnerWeight, 1f);
        if (partner.Size() != image.Size())
        {
            partner.Mutate(x => x.Resize(image.Width, image.Height));
        }
        // Both images are opaque, so drawing with opacity w is exactly the convex blend.
        image.Mutate(x => x.DrawImage(partner, partnerWeight));
    }
}

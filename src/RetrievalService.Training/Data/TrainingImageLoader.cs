using RetrievalService.Embedding.Images;
using RetrievalService.Evaluation.Extraction;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using static TorchSharp.torch;

namespace RetrievalService.Training.Data;

/// <summary>
/// Reads a training image into a torch tensor [1, 3, H, W] of RGB 0..255 exactly as the evaluator prepares it
/// (same decoder, query crop, resampler and longer-side policy, aspect ratio kept), optionally augmented.
/// Images of different aspect ratios are therefore run one at a time, not stacked: the cached teacher vectors
/// and the test-time queries both come from unsquashed images, and the models accept any size.
/// </summary>
public sealed class TrainingImageLoader
{
    private readonly ImageDecoder decoder = new(new ImageDecodeLimits());
    private readonly Rgb24 background;
    private readonly ExtractionSettings settings;
    private readonly int minSide;

    /// <summary>Loads at <paramref name="longerSide"/>, compositing transparency on <paramref name="alphaBackground"/> (the manifest's).</summary>
    public TrainingImageLoader(int longerSide, int minSide, IReadOnlyList<byte> alphaBackground)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(longerSide, minSide);
        background = AlphaCompositor.Background(alphaBackground);
        settings = ExtractionSettings.SingleScale(longerSide);
        this.minSide = minSide;
    }

    /// <summary>Longer side of every loaded tensor.</summary>
    public int LongerSide => settings.LongerSide;

    /// <summary>The image of <paramref name="job"/>, perturbed by <paramref name="augmentation"/> with <paramref name="random"/> when both are given.</summary>
    /// <exception cref="ImageEmbeddingException">The file cannot be read, decoded or cropped; the message names it.</exception>
    public Tensor Load(ImageJob job, Augmentation? augmentation = null, Random? random = null)
    {
        using var prepared = Prepare(job, augmentation, random);
        return ToTensor(prepared);
    }

    /// <summary>
    /// As <see cref="Load"/>, in the models' input layout, for callers that also show the view to the teacher;
    /// with <paramref name="partner"/>, the view is blended with the partner's own augmented view (<see cref="Mixup"/>).
    /// The caller disposes it.
    /// </summary>
    /// <exception cref="ImageEmbeddingException">A file cannot be read, decoded or cropped; the message names it.</exception>
    public PreprocessedImage Prepare(ImageJob job, Augmentation? augmentation = null, Random? random = null, MixPartner? partner = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var decoded = Decode(job, augmentation, random);
        if (partner is { } mix)
        {
            using var other = Decode(mix.Job, augmentation, random);
            Mixup.Blend(decoded.Image, other.Image, mix.Weight);
        }
        return Scale(job, decoded);
    }

    private DecodedImage Decode(ImageJob job, Augmentation? augmentation, Random? random)
    {
        DecodedImage? decoded = null;
        try
        {
            decoded = decoder.Decode(File.ReadAllBytes(job.Path), background);
            if (job.Box is { } box)
            {
                var rectangle = QueryCrop.Rectangle(box, decoded.Image.Width, decoded.Image.Height);
                decoded.Image.Mutate(x => x.Crop(rectangle));
            }
            if (augmentation is not null && random is not null)
            {
                augmentation.Apply(decoded.Image, random);
            }
            return decoded;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageRejectedException or ArgumentException)
        {
            decoded?.Dispose();
            throw new ImageEmbeddingException(job.Path, e);
        }
    }

    private PreprocessedImage Scale(ImageJob job, DecodedImage decoded)
    {
        try
        {
            return ScaledTensors.Prepare(decoded.Image, settings, minSide)[0];
        }
        catch (Exception e) when (e is ImageRejectedException or ArgumentException)
        {
            throw new ImageEmbeddingException(job.Path, e);
        }
    }

    /// <summary>A [1, 3, H, W] tensor holding a copy of <paramref name="image"/>'s pixels.</summary>
    public static Tensor ToTensor(PreprocessedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return tensor(image.Pixels.ToArray(), [1, 3, image.Height, image.Width], ScalarType.Float32);
    }
}

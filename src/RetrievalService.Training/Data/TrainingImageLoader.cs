using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Extraction;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace RetrievalService.Training.Data;

/// <summary>
/// Reads a training image into a torch tensor [1, 3, H, W] of RGB 0..255 exactly as the evaluator prepares it
/// (the shared <see cref="ImagePipeline"/>: same decoder, query crop, resampler and longer-side policy, aspect
/// ratio kept), optionally augmented. An unperturbed view is <see cref="ImagePipeline.Prepare(ReadOnlyMemory{byte}, InputConvention, CancellationToken)"/>'s
/// tensor itself; a view to augment is decoded at full resolution, since augmentation may crop a small part.
/// Images of different aspect ratios are therefore run one at a time, not stacked: the cached teacher vectors
/// and the test-time queries both come from unsquashed images, and the models accept any size.
/// </summary>
public sealed class TrainingImageLoader
{
    private readonly ImagePipeline pipeline = new(ImageDecodeLimits.LocalFiles);
    private readonly RgbColor background;
    private readonly int minSide;
    private readonly InputConvention input;

    /// <summary>Loads at <paramref name="longerSide"/>, compositing transparency on <paramref name="alphaBackground"/> (the manifest's).</summary>
    public TrainingImageLoader(int longerSide, int minSide, IReadOnlyList<byte> alphaBackground)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(longerSide, minSide);
        background = AlphaCompositor.Background(alphaBackground);
        LongerSide = longerSide;
        this.minSide = minSide;
        input = new InputConvention
        {
            MinSide = minSide, RecommendedLongerSide = longerSide, AlphaBackground = [.. alphaBackground], Preprocessing = ImagePipeline.Identity,
        };
    }

    /// <summary>Longer side of every loaded tensor.</summary>
    public int LongerSide { get; }

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
        var augmenting = augmentation is not null && random is not null;
        if (!augmenting && partner is null)
        {
            // An unperturbed view is exactly what the evaluator and the service make of the file (reduced decode included).
            return PrepareAsServed(job);
        }
        using var raster = Decode(job);
        using var image = Augmented(raster, augmentation, random);
        if (partner is { } mix)
        {
            using var otherRaster = Decode(mix.Job);
            using var other = Augmented(otherRaster, augmentation, random);
            Mixup.Blend(image, other, mix.Weight);
        }
        using var result = ImageSharpBridge.ToRaster(image);
        return Scale(job, result);
    }

    private PreprocessedImage PrepareAsServed(ImageJob job)
    {
        try
        {
            using var prepared = ScaledTensors.Prepare(pipeline, job, ExtractionSettings.SingleScale(LongerSide), input);
            return prepared.DetachTensor();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageRejectedException or ArgumentException)
        {
            throw new ImageEmbeddingException(job.Path, e);
        }
    }

    // Augmentation may crop a small part, so views to perturb are decoded whole (as the shipped students were trained).
    private RgbRaster Decode(ImageJob job)
    {
        RgbRaster? raster = null;
        try
        {
            raster = pipeline.Decode(File.ReadAllBytes(job.Path), background);
            if (job.Box is not { } box)
            {
                return raster;
            }
            using (raster)
            {
                return raster.Crop(QueryCrop.Rectangle(box, raster.Width, raster.Height));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImageRejectedException or ArgumentException)
        {
            raster?.Dispose();
            throw new ImageEmbeddingException(job.Path, e);
        }
    }

    private static Image<Rgb24> Augmented(RgbRaster raster, Augmentation? augmentation, Random? random)
    {
        var image = ImageSharpBridge.ToImage(raster);
        if (augmentation is not null && random is not null)
        {
            augmentation.Apply(image, random);
        }
        return image;
    }

    private PreprocessedImage Scale(ImageJob job, RgbRaster raster)
    {
        try
        {
            return ImagePipeline.ToTensor(raster, LongerSide, minSide);
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

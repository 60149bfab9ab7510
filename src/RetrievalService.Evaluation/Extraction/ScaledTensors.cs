using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Evaluation.Extraction;

/// <summary>Model inputs of one decoded image: one tensor per scale, resized by the project's shared policy.</summary>
public static class ScaledTensors
{
    /// <summary>
    /// One tensor per scale of <paramref name="settings"/>; the longer side becomes
    /// <see cref="ExtractionSettings.SideAt"/> and the aspect ratio follows <see cref="ResizePolicy"/>.
    /// </summary>
    public static PreprocessedImage[] Prepare(Image<Rgb24> image, ExtractionSettings settings, int minSide)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        var tensors = new List<PreprocessedImage>(settings.Scales.Count);
        try
        {
            foreach (var scale in settings.Scales)
            {
                var size = ResizePolicy.TargetSize(image.Width, image.Height, settings.SideAt(scale, minSide), minSide);
                tensors.Add(Resize(image, size));
            }
            return [.. tensors];
        }
        catch
        {
            tensors.ForEach(t => t.Dispose());
            throw;
        }
    }

    private static PreprocessedImage Resize(Image<Rgb24> image, Size size)
    {
        if (size == image.Size())
        {
            return ImagePreprocessor.ToTensor(image);
        }
        using var resized = image.Clone(x => x.Resize(new ResizeOptions
        {
            Size = size,
            Mode = ResizeMode.Stretch,
            Sampler = ImagePreprocessor.Resampler,
        }));
        return ImagePreprocessor.ToTensor(resized);
    }
}

using RetrievalService.Embedding.Manifests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp.Processing.Processors.Transforms;

namespace RetrievalService.Embedding.Images;

/// <summary>Model-free preprocessing: resize per <see cref="ResizePolicy"/>, then NCHW floats in a pooled buffer.</summary>
public static class ImagePreprocessor
{
    /// <summary>
    /// The one resampler used everywhere (gallery and queries alike): bicubic, ImageSharp's default and the
    /// closest to PIL's bicubic that the teachers were trained with. Changing it changes every embedding.
    /// </summary>
    public static readonly IResampler Resampler = KnownResamplers.Bicubic;

    /// <summary>Resizes a copy of <paramref name="image"/> for <paramref name="input"/>; the source is not modified.</summary>
    public static PreprocessedImage Preprocess(Image<Rgb24> image, InputConvention input)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(input);
        var size = ResizePolicy.TargetSize(image.Width, image.Height, input.RecommendedLongerSide, input.MinSide);
        if (size == image.Size())
        {
            return ToTensor(image);
        }
        using var resized = image.Clone(x => x.Resize(new ResizeOptions
        {
            Size = size,
            Mode = ResizeMode.Stretch,
            Sampler = Resampler,
        }));
        return ToTensor(resized);
    }

    /// <summary>Lays out <paramref name="image"/> as is, without resizing.</summary>
    public static PreprocessedImage ToTensor(Image<Rgb24> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var tensor = PreprocessedImage.Rent(image.Width, image.Height);
        NchwWriter.Write(image, tensor.Writable);
        return tensor;
    }
}

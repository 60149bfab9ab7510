using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.DecodeBench.Decoders;

/// <summary>Today's library: full-size decode to <see cref="Rgb24"/>, then ImageSharp's bicubic resize.</summary>
internal sealed class ImageSharpThumbnailDecoder : IThumbnailDecoder
{
    public const string LibraryName = "ImageSharp";

    // Resize would otherwise spread rows over every core; the comparison is one thread per image for all libraries.
    private readonly Configuration configuration = CreateConfiguration();

    public string Name => LibraryName;

    public string Licence => "Apache-2.0";

    public Thumbnail Decode(byte[] bytes, int longerSide)
    {
        using var image = Image.Load<Rgb24>(configuration, bytes);
        var (decodedWidth, decodedHeight) = (image.Width, image.Height);
        var (width, height) = ThumbnailDecoders.TargetSize(image.Width, image.Height, longerSide);
        image.Mutate(x => x.Resize(new ResizeOptions
        {
            Size = new Size(width, height),
            Mode = ResizeMode.Stretch,
            Sampler = KnownResamplers.Bicubic,
        }));
        var rgb = new byte[width * height * 3];
        image.CopyPixelDataTo(rgb);
        return new Thumbnail(width, height, rgb, decodedWidth, decodedHeight);
    }

    private static Configuration CreateConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        return configuration;
    }
}

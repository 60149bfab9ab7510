using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.DecodeBench.Legacy;

/// <summary>
/// The ImageSharp 2.1 image path that <c>src/RetrievalService.Embedding/Images</c> used until it was replaced
/// (<c>ImageDecoder.Decode</c> then <c>ImagePreprocessor.Preprocess</c>): limits, <c>Identify</c>, decode as RGBA,
/// EXIF AutoOrient, alpha composite, bicubic resize, NCHW floats. Kept here, self-contained, as the "old" side of
/// old-versus-new speed and embedding comparisons. Thread-safe; share one instance.
/// </summary>
public sealed class LegacyImageSharpPipeline
{
    private readonly Configuration configuration;

    /// <summary>Creates the pipeline with the service's old default limits, or <paramref name="limits"/>.</summary>
    public LegacyImageSharpPipeline(LegacyDecodeLimits? limits = null)
    {
        Limits = limits ?? new LegacyDecodeLimits();
        Limits.Validate();
        configuration = DecoderConfiguration.Create(Limits);
    }

    /// <summary>The limits every call is checked against (the old defaults refuse anything over 40 MP).</summary>
    public LegacyDecodeLimits Limits { get; }

    /// <summary>
    /// Decodes <paramref name="bytes"/> and returns the float32 NCHW tensor (R plane, G plane, B plane, values
    /// 0..255) the old code fed the models, with its <paramref name="width"/> and <paramref name="height"/>.
    /// </summary>
    /// <param name="bytes">The encoded image.</param>
    /// <param name="longerSide">The manifest's recommended longer side.</param>
    /// <param name="minSide">The manifest's minimum side.</param>
    /// <param name="alphaBackground">The manifest's alpha background, <c>[R, G, B]</c>.</param>
    /// <param name="width">Width of the tensor.</param>
    /// <param name="height">Height of the tensor.</param>
    /// <exception cref="InvalidDataException">The bytes break a limit or are not a supported format.</exception>
    public float[] Prepare(byte[] bytes, int longerSide, int minSide, byte[] alphaBackground, out int width, out int height)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(alphaBackground);
        using var decoded = Decode(bytes, AlphaCompositor.Background(alphaBackground));
        // The longer-side policy did not change with the pipeline; the current one is the old one.
        var target = RetrievalService.Embedding.Images.ResizePolicy.TargetSize(decoded.Width, decoded.Height, longerSide, minSide);
        var size = new Size(target.Width, target.Height);
        (width, height) = (size.Width, size.Height);
        if (size == decoded.Size())
        {
            return NchwWriter.ToTensor(decoded);
        }
        using var resized = decoded.Clone(x => x.Resize(new ResizeOptions
        {
            Size = size,
            Mode = ResizeMode.Stretch,
            Sampler = KnownResamplers.Bicubic,
        }));
        return NchwWriter.ToTensor(resized);
    }

    private Image<Rgb24> Decode(byte[] bytes, Rgb24 background)
    {
        InputChecks.CheckByteLength(bytes.Length, Limits);
        IdentifyWithinLimits(bytes);
        using var rgba = Image.Load<Rgba32>(configuration, bytes);
        rgba.Mutate(x => x.AutoOrient());
        // AutoOrient resets the tag to 1; dropping the whole profile also keeps camera and GPS data out of memory.
        rgba.Metadata.ExifProfile = null;
        return AlphaCompositor.Composite(rgba, background);
    }

    private void IdentifyWithinLimits(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var info = Image.Identify(configuration, stream, out IImageFormat? format);
        if (info is null || format is null)
        {
            throw new InvalidDataException($"The bytes are not a supported image; send one of {DecoderConfiguration.SupportedFormats}.");
        }
        InputChecks.CheckDimensions(info.Width, info.Height, format.Name, Limits);
    }
}

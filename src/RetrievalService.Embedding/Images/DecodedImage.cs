using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Images;

/// <summary>An upright, opaque RGB image decoded from untrusted bytes. Dispose it to return its pixel buffers.</summary>
public sealed class DecodedImage(Image<Rgb24> image, string format) : IDisposable
{
    /// <summary>Pixels after EXIF orientation and alpha compositing; no metadata profile is kept.</summary>
    public Image<Rgb24> Image { get; } = image;

    /// <summary>The container format ImageSharp recognised, e.g. <c>PNG</c> or <c>JPEG</c>.</summary>
    public string Format { get; } = format;

    /// <inheritdoc />
    public void Dispose() => Image.Dispose();
}

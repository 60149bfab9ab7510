namespace RetrievalService.Embedding.Images;

/// <summary>One image made ready for a model: its tensor(s) and what the pipeline saw on the way. Dispose to return the buffers.</summary>
public sealed class PreparedImage : IDisposable
{
    private bool detached;

    internal PreparedImage(IReadOnlyList<PreprocessedImage> tensors, string format, PixelSize sourceSize, PixelSize decodedSize, double decodeMs, double resizeMs)
    {
        Tensors = tensors;
        Format = format;
        SourceSize = sourceSize;
        DecodedSize = decodedSize;
        DecodeMs = decodeMs;
        ResizeMs = resizeMs;
    }

    /// <summary>The model input at the first (usually only) requested size.</summary>
    public PreprocessedImage Tensor => Tensors[0];

    /// <summary>One tensor per requested longer side, in the order asked.</summary>
    public IReadOnlyList<PreprocessedImage> Tensors { get; }

    /// <summary>The container format: JPEG, PNG, WebP, GIF or BMP.</summary>
    public string Format { get; }

    /// <summary>The upright picture's size as the file declares it.</summary>
    public PixelSize SourceSize { get; }

    /// <summary>The upright raster actually decoded (smaller than <see cref="SourceSize"/> after a scaled decode).</summary>
    public PixelSize DecodedSize { get; }

    /// <summary>Milliseconds spent on checks, decoding, orientation and compositing.</summary>
    public double DecodeMs { get; }

    /// <summary>Milliseconds spent resizing into the tensor(s) (and encoding the preview, when one was asked for).</summary>
    public double ResizeMs { get; }

    /// <summary>
    /// The JPEG preview, when the preparation asked for one (<see cref="PreviewOptions"/>); null otherwise, or when it could
    /// not be encoded.
    /// </summary>
    public byte[]? Preview { get; internal init; }

    /// <summary>
    /// Hands <see cref="Tensor"/> to the caller, who then disposes it; disposing this object no longer does. For a
    /// single-size preparation whose tensor outlives it (e.g. queued for a batch).
    /// </summary>
    public PreprocessedImage DetachTensor()
    {
        if (Tensors.Count != 1 || detached)
        {
            throw new InvalidOperationException("Only the single tensor of a one-size preparation can be detached, once.");
        }
        detached = true;
        return Tensor;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (detached)
        {
            return;
        }
        foreach (var tensor in Tensors)
        {
            tensor.Dispose();
        }
    }
}

using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Indexing.Stages;

/// <summary>Prepares items for the teacher through the shared image pipeline, under its limits, with their thumbnails.</summary>
internal sealed class ImagePreparer(ImagePipeline pipeline, InputConvention input)
{
    /// <summary>The decode limits (the CLI checks file sizes against them before reading).</summary>
    public ImageDecodeLimits Limits => pipeline.Limits;

    /// <summary>The tensor and thumbnail (the item without its bytes), or the item's rejection when the pipeline refuses the bytes.</summary>
    public (PreparedItem? Prepared, IndexItemResult? Rejected) Prepare(CheckedItem item, CancellationToken cancellationToken = default)
    {
        try
        {
            using var prepared = pipeline.Prepare(item.Content, input, PreviewOptions.Thumbnail, cancellationToken);
            return (new PreparedItem(item.WithoutContent(), prepared.DetachTensor(), prepared.Preview), null);
        }
        catch (ImageRejectedException e)
        {
            return (null, IndexItemResult.Rejected(item.Id, e.Reason.ToString(), e.Message));
        }
    }

    /// <summary>
    /// The thumbnail alone, from the same decode <see cref="Prepare"/> makes, for an item whose vector is stored already;
    /// null with the reason when it cannot be made (the stored row is left as it is).
    /// </summary>
    public (byte[]? Thumbnail, string? Failure) Thumbnail(CheckedItem item, CancellationToken cancellationToken = default)
    {
        try
        {
            var jpeg = pipeline.Preview(item.Content, input, PreviewOptions.Thumbnail, cancellationToken);
            return (jpeg, jpeg is null ? "the JPEG encoder produced nothing" : null);
        }
        catch (ImageRejectedException e)
        {
            return (null, e.Message);
        }
    }
}

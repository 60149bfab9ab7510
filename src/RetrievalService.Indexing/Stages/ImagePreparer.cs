using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Indexing.Stages;

/// <summary>Prepares items for the teacher through the shared image pipeline, under its limits.</summary>
internal sealed class ImagePreparer(ImagePipeline pipeline, InputConvention input)
{
    /// <summary>The decode limits (the CLI checks file sizes against them before reading).</summary>
    public ImageDecodeLimits Limits => pipeline.Limits;

    /// <summary>The tensor, or the item's rejection when the pipeline refuses the bytes.</summary>
    public (PreparedItem? Prepared, IndexItemResult? Rejected) Prepare(CheckedItem item, CancellationToken cancellationToken = default)
    {
        try
        {
            using var prepared = pipeline.Prepare(item.Content, input, cancellationToken);
            return (new PreparedItem(item, prepared.DetachTensor()), null);
        }
        catch (ImageRejectedException e)
        {
            return (null, IndexItemResult.Rejected(item.Id, e.Reason.ToString(), e.Message));
        }
    }
}

using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Indexing.Stages;

/// <summary>Decodes under the decoder's limits and preprocesses for the teacher's input convention.</summary>
internal sealed class ImagePreparer(ImageDecoder decoder, InputConvention input)
{
    private readonly Rgb24 background = AlphaCompositor.Background(input.AlphaBackground);

    /// <summary>The decode limits (the CLI checks file sizes against them before reading).</summary>
    public ImageDecodeLimits Limits => decoder.Limits;

    /// <summary>The tensor, or the item's rejection when the decoder refuses the bytes.</summary>
    public (PreparedItem? Prepared, IndexItemResult? Rejected) Prepare(CheckedItem item)
    {
        try
        {
            using var decoded = decoder.Decode(item.Content, background);
            return (new PreparedItem(item, ImagePreprocessor.Preprocess(decoded.Image, input)), null);
        }
        catch (ImageRejectedException e)
        {
            return (null, IndexItemResult.Rejected(item.Id, e.Reason.ToString(), e.Message));
        }
    }
}

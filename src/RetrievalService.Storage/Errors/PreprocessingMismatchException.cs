namespace RetrievalService.Storage.Errors;

/// <summary>A model's gallery was indexed with another image pipeline than the one now asked for.</summary>
public sealed class PreprocessingMismatchException : GalleryStoreException
{
    /// <summary>Creates the error for <paramref name="modelId"/>.</summary>
    public PreprocessingMismatchException(string modelId, string stored, string requested)
        : base($"The gallery of model '{modelId}' was indexed with image pipeline '{stored}', but this build prepares images with " +
               $"'{requested}'. Queries and new images would not be prepared as the stored vectors were: re-index the gallery " +
               "with this build (into a new GalleryStore:Schema), or run the build that indexed it.")
    {
        ModelId = modelId;
        Stored = stored;
        Requested = requested;
    }

    /// <summary>The model whose gallery was indexed with another pipeline.</summary>
    public string ModelId { get; }

    /// <summary>The pipeline recorded for the gallery.</summary>
    public string Stored { get; }

    /// <summary>The pipeline of this build.</summary>
    public string Requested { get; }
}

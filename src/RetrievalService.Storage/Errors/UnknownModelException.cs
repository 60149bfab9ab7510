namespace RetrievalService.Storage.Errors;

/// <summary>No gallery exists for the model; it must be registered (by indexing with it) first.</summary>
public sealed class UnknownModelException : GalleryStoreException
{
    /// <summary>Creates the error for <paramref name="modelId"/>.</summary>
    public UnknownModelException(string modelId)
        : base($"No gallery is registered for model '{modelId}'. Index images with this teacher model first " +
               "(GalleryStore.RegisterModelAsync), or query with the model id the gallery was built with.")
    {
        ModelId = modelId;
    }

    /// <summary>The model that was asked for.</summary>
    public string ModelId { get; }
}

namespace RetrievalService.Storage.Errors;

/// <summary>Base of the gallery store's typed errors, so callers can map them (e.g. to ProblemDetails) in one place.</summary>
public abstract class GalleryStoreException : Exception
{
    /// <summary>Creates the error with a message a caller can act on.</summary>
    protected GalleryStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace RetrievalService.Storage.Errors;

/// <summary>
/// The database could not be reached or refused the connection (after retries where they are safe), or a
/// write lost its connection so its outcome is unknown. Upserts are idempotent: repeating one is safe.
/// </summary>
public sealed class GalleryUnavailableException : GalleryStoreException
{
    /// <summary>Creates the error for <paramref name="endpoint"/> (host, port and database; never the password).</summary>
    public GalleryUnavailableException(string endpoint, int attempts, string detail, Exception? innerException)
        : base($"The gallery database at {endpoint} is unavailable after {attempts} attempt(s): {detail}", innerException)
    {
        Endpoint = endpoint;
        Attempts = attempts;
    }

    /// <summary>Host, port and database that were tried.</summary>
    public string Endpoint { get; }

    /// <summary>How many times the operation was tried.</summary>
    public int Attempts { get; }
}

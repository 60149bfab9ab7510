namespace RetrievalService.Storage.Errors;

/// <summary>
/// The database aborted a statement to settle a conflict with other work: a deadlock, a serialization failure, or a
/// lock or statement timeout the server is configured with. The transaction was rolled back, so nothing of it is
/// stored and repeating it is safe; it is not repeated here because the conflict may well still hold.
/// </summary>
public sealed class GalleryBusyException : GalleryStoreException
{
    /// <summary>Creates the error; <paramref name="sqlState"/> is the server's code (e.g. 40P01 for a deadlock).</summary>
    public GalleryBusyException(string sqlState, Exception innerException)
        : base($"The gallery database aborted the statement (SQLSTATE {sqlState}: {Describe(sqlState)}); nothing of it was stored, and repeating it is safe.",
            innerException)
    {
        SqlState = sqlState;
    }

    /// <summary>The server's SQLSTATE.</summary>
    public string SqlState { get; }

    private static string Describe(string sqlState) => sqlState switch
    {
        "40P01" => "deadlock with a concurrent write",
        "40001" => "serialization failure",
        "55P03" => "lock timeout",
        "57014" => "statement timeout",
        _ => "conflict",
    };
}

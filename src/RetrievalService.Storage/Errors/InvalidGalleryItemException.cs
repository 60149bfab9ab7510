namespace RetrievalService.Storage.Errors;

/// <summary>An item, id or query failed validation before anything was sent to the database.</summary>
public sealed class InvalidGalleryItemException : GalleryStoreException
{
    /// <summary>Creates the error; <paramref name="itemId"/> is null when the id itself is unusable.</summary>
    public InvalidGalleryItemException(string? itemId, string reason)
        : base(itemId is null ? reason : $"Gallery item '{itemId}': {reason}")
    {
        ItemId = itemId;
        Reason = reason;
    }

    /// <summary>The offending item's id, when it has a usable one.</summary>
    public string? ItemId { get; }

    /// <summary>What is wrong, without the id.</summary>
    public string Reason { get; }
}

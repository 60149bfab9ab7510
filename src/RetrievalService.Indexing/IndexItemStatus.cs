namespace RetrievalService.Indexing;

/// <summary>What indexing did with one item.</summary>
public enum IndexItemStatus
{
    /// <summary>Embedded by the teacher and committed (inserted, or replaced a different row).</summary>
    Stored,

    /// <summary>The teacher's gallery already holds this id with the same content, so nothing was embedded or written.</summary>
    Unchanged,

    /// <summary>Not stored: the id, source or metadata is invalid, or the image was refused by the decoder.</summary>
    Rejected,
}

namespace RetrievalService.Indexing;

/// <summary>Codes of <see cref="IndexItemResult.Code"/> besides the decoder's <c>ImageRejectionReason</c> names.</summary>
public static class RejectionCodes
{
    /// <summary>The id breaks the gallery id rules.</summary>
    public const string InvalidId = nameof(InvalidId);

    /// <summary>The id occurs earlier in the same request or run; the first occurrence is indexed.</summary>
    public const string DuplicateId = nameof(DuplicateId);

    /// <summary>The source is empty or longer than 4096 characters.</summary>
    public const string InvalidSource = nameof(InvalidSource);

    /// <summary>The metadata is not a JSON object, or holds what the store cannot keep (<c>StorableJson</c>).</summary>
    public const string InvalidMetadata = nameof(InvalidMetadata);

    /// <summary>The file could not be read (missing, no permission, I/O error).</summary>
    public const string Unreadable = nameof(Unreadable);

    /// <summary>The store refused the item after embedding (e.g. a non-finite vector).</summary>
    public const string InvalidEmbedding = nameof(InvalidEmbedding);
}

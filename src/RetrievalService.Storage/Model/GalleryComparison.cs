namespace RetrievalService.Storage.Model;

/// <summary>
/// How far a teacher's gallery is from holding what the live one holds: every live id, with the same content and
/// metadata, and nothing more. Only a complete gallery may become live, so a switch loses and resurrects nothing.
/// </summary>
/// <param name="LiveModelId">The live teacher.</param>
/// <param name="NextModelId">The teacher whose gallery is compared.</param>
/// <param name="LiveItems">Rows in the live gallery.</param>
/// <param name="NextItems">Rows in the compared gallery.</param>
/// <param name="Missing">Live ids the compared gallery lacks.</param>
/// <param name="Stale">Ids in both whose content hash or metadata differ.</param>
/// <param name="Extra">Ids only the compared gallery holds (deleted from the live one, or never in it).</param>
public sealed record GalleryComparison(string LiveModelId, string NextModelId, long LiveItems, long NextItems, long Missing, long Stale, long Extra)
{
    /// <summary>Some missing ids, in id order.</summary>
    public IReadOnlyList<string> MissingIds { get; init; } = [];

    /// <summary>Some stale ids, in id order.</summary>
    public IReadOnlyList<string> StaleIds { get; init; } = [];

    /// <summary>Some extra ids, in id order.</summary>
    public IReadOnlyList<string> ExtraIds { get; init; } = [];

    /// <summary>The live ids the compared gallery holds with the same content and metadata.</summary>
    public long Matching => LiveItems - Missing - Stale;

    /// <summary>Whether the compared gallery holds exactly the live one's images.</summary>
    public bool Complete => Missing == 0 && Stale == 0 && Extra == 0;
}

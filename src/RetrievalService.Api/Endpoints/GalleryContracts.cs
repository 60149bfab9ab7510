using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>One teacher's gallery as <c>GET /models</c> shows it.</summary>
/// <param name="Teacher">The teacher whose vectors it holds.</param>
/// <param name="Live">Whether it answers searches.</param>
/// <param name="Images">Images it held at the last measurement; null before the first or when it does not exist yet.</param>
/// <param name="Students">The query models fitted to its teacher, the default first.</param>
/// <param name="Upgrade">For the gallery being rebuilt: how far it has come against the live one; null otherwise.</param>
public sealed record GalleryState(string Teacher, bool Live, long? Images, IReadOnlyList<string> Students, UpgradeProgress? Upgrade)
{
    /// <summary>When it became live; null unless live.</summary>
    public DateTimeOffset? LiveSince { get; init; }
}

/// <summary>
/// A rebuilt gallery against the live one: it may become live when <paramref name="Complete"/> (every live image, with the
/// same content and metadata, and nothing else).
/// </summary>
/// <param name="Target">Images in the live gallery.</param>
/// <param name="Matching">Live images it holds with the same content and metadata.</param>
/// <param name="Missing">Live images it lacks.</param>
/// <param name="Stale">Images it holds with other content or metadata.</param>
/// <param name="Extra">Images it holds that the live gallery does not.</param>
/// <param name="Complete">Whether a switch would be accepted now.</param>
/// <param name="MeasuredAt">When it was measured.</param>
public sealed record UpgradeProgress(long Target, long Matching, long Missing, long Stale, long Extra, bool Complete, DateTimeOffset MeasuredAt)
{
    /// <summary>Some missing ids, to act on.</summary>
    public IReadOnlyList<string> MissingIds { get; init; } = [];

    /// <summary>Some stale ids.</summary>
    public IReadOnlyList<string> StaleIds { get; init; } = [];

    /// <summary>Some extra ids.</summary>
    public IReadOnlyList<string> ExtraIds { get; init; } = [];

    /// <summary>The progress a comparison shows.</summary>
    public static UpgradeProgress From(GalleryComparison c, DateTimeOffset measuredAt) =>
        new(c.LiveItems, c.Matching, c.Missing, c.Stale, c.Extra, c.Complete, measuredAt) { MissingIds = c.MissingIds, StaleIds = c.StaleIds, ExtraIds = c.ExtraIds };
}

/// <summary>The answer of a switch: the live gallery now.</summary>
/// <param name="Teacher">The live teacher.</param>
/// <param name="Previous">The teacher whose gallery it replaced; null when none.</param>
/// <param name="SwitchedAt">When it became live.</param>
public sealed record LiveGalleryResponse(string Teacher, string? Previous, DateTimeOffset SwitchedAt)
{
    /// <summary>The answer for the database's live row.</summary>
    public static LiveGalleryResponse From(LiveGallery live) => new(live.ModelId, live.PreviousModelId, live.SwitchedAt);
}

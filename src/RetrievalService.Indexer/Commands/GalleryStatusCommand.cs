using System.CommandLine;
using System.Text.Json;
using RetrievalService.Storage.Model;

namespace RetrievalService.Indexer.Commands;

/// <summary>
/// <c>gallery status</c>: the live teacher, then one row per registered gallery with how far it is from the live one
/// (what <c>gallery switch</c> checks), on stdout.
/// </summary>
internal static class GalleryStatusCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a line and a tab-separated table." };
        var command = new Command("status",
            "The live teacher and, for every other gallery, its items matching, missing, stale and extra against the live one.") { json };
        common.AddTo(command);
        command.SetAction((parse, ct) => GalleryCommand.RunAsync(common, parse, configuration, async (store, token) =>
        {
            var status = await GalleryStatus.ReadAsync(store, token);
            Console.WriteLine(parse.GetValue(json) ? Json(status) : Text(status));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static string Json(GalleryStatus status) => JsonSerializer.Serialize(new
    {
        live = status.Live is { } live ? new { model = live.ModelId, previousModel = live.PreviousModelId, switchedAt = live.SwitchedAt } : null,
        galleries = status.Galleries.Select(g => new
        {
            model = g.ModelId, items = g.Items, live = g.Live,
            comparison = g.Comparison is { } c
                ? new
                {
                    liveItems = c.LiveItems, matching = c.Matching, missing = c.Missing, stale = c.Stale, extra = c.Extra,
                    complete = c.Complete, missingIds = c.MissingIds, staleIds = c.StaleIds, extraIds = c.ExtraIds,
                }
                : null,
        }),
    }, new JsonSerializerOptions { WriteIndented = true });

    private static string Text(GalleryStatus status)
    {
        var lines = new List<string>
        {
            status.Live is { } live
                ? $"live: {live.ModelId} since {live.SwitchedAt:O} (previous: {live.PreviousModelId ?? "none"})"
                : $"live: none; {GalleryCommand.NoLiveGallery}",
            "model\titems\tmatching\tmissing\tstale\textra\tcomplete\tsample_ids",
        };
        lines.AddRange(status.Galleries.Select(g => g.Comparison is { } c
            ? $"{g.ModelId}\t{g.Items}\t{c.Matching}\t{c.Missing}\t{c.Stale}\t{c.Extra}\t{(c.Complete ? "yes" : "no")}\t{Samples(c)}"
            : $"{g.ModelId}\t{g.Items}\t-\t-\t-\t-\t{(g.Live ? "live" : "-")}\t-"));
        return string.Join(Environment.NewLine, lines);
    }

    // Ids may hold spaces and commas (never a tab or a line break, so each gallery stays one row); quotes show where each ends.
    private static string Samples(GalleryComparison c)
    {
        var groups = new[] { (Kind: "missing", Ids: c.MissingIds), (Kind: "stale", Ids: c.StaleIds), (Kind: "extra", Ids: c.ExtraIds) }
            .Where(g => g.Ids.Count > 0)
            .Select(g => $"{g.Kind} {string.Join(", ", g.Ids.Select(id => $"'{id}'"))}")
            .ToList();
        return groups.Count == 0 ? "-" : string.Join("; ", groups);
    }
}

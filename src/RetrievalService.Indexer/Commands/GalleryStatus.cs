using RetrievalService.Storage;
using RetrievalService.Storage.Model;

namespace RetrievalService.Indexer.Commands;

/// <summary>One registered gallery: its size and, unless it is live or none is, how far it is from the live one.</summary>
internal sealed record GalleryState(string ModelId, long Items, bool Live, GalleryComparison? Comparison);

/// <summary>The live gallery (null until declared) and every registered gallery, by model id.</summary>
internal sealed record GalleryStatus(LiveGallery? Live, IReadOnlyList<GalleryState> Galleries)
{
    /// <summary>Reads the live gallery, then compares each other gallery with it (each comparison reads both tables).</summary>
    public static async Task<GalleryStatus> ReadAsync(GalleryStore store, CancellationToken ct)
    {
        var live = await store.GetLiveGalleryAsync(ct);
        var galleries = new List<GalleryState>();
        foreach (var stats in await store.GetStatsAsync(ct))
        {
            var modelId = stats.Model.ModelId;
            var isLive = modelId == live?.ModelId;
            var comparison = live is null || isLive ? null : await store.CompareGalleriesAsync(live.ModelId, modelId, ct);
            galleries.Add(new GalleryState(modelId, stats.Count, isLive, comparison));
        }
        return new GalleryStatus(live, galleries);
    }
}

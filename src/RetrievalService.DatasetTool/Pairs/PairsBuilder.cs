using RetrievalService.DatasetTool.Geometry;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.DatasetTool.Splits;

namespace RetrievalService.DatasetTool.Pairs;

/// <summary>
/// Plans the pairs set, a single test split: each pair's first image is a query, its partner the one easy
/// positive, other shots of the same scene junk; every other readable pool photo (at least
/// <see cref="MinSide"/> px on its shorter side) is a distractor.
/// </summary>
public static class PairsBuilder
{
    /// <summary>Shorter side below which a pool file is not used (scikit-image ships 10×10 palettes).</summary>
    public const int MinSide = 64;

    /// <summary>The test split; <paramref name="shortNames"/> maps pool keys to dataset file names (<see cref="PoolNames"/>).</summary>
    public static SplitPlan Plan(IReadOnlyList<PoolImage> pool, IReadOnlyDictionary<string, string> shortNames)
    {
        var byKey = pool.ToDictionary(p => p.Photo.Key, StringComparer.Ordinal);
        PoolImage Find(string key) => byKey.TryGetValue(key, out var image) ? image
            : throw new FileNotFoundException($"Pair image '{key}' is not in the photo pool (run scripts/fetch-photos.sh).");
        var pairs = PairCatalog.Pairs.Select(pair => (Pair: pair, Query: Find(pair.QueryKey), Positive: Find(pair.PositiveKey),
            Related: PairCatalog.RelatedKeys(pair, byKey.Values.Select(i => i.Photo)).ToHashSet(StringComparer.Ordinal))).ToList();
        var queryKeys = pairs.Select(p => p.Query.Photo.Key).ToHashSet(StringComparer.Ordinal);

        string Name(PoolImage image) => Path.ChangeExtension(shortNames[image.Photo.Key], GalleryCopy.Extension(image.Photo.Path, image.Width, image.Height));
        var gallery = pool.Where(i => !queryKeys.Contains(i.Photo.Key) && Math.Min(i.Width, i.Height) >= MinSide)
            .Select(i => (Image: i, Name: Name(i))).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var queries = pairs.Select(p => (p.Pair, p.Related, p.Query, Name: $"queries/{p.Pair.Name}{GalleryCopy.Extension(p.Query.Photo.Path, p.Query.Width, p.Query.Height)}"))
            .OrderBy(q => q.Name, StringComparer.Ordinal).ToList();

        var truth = GroundTruthAssembler.Assemble(
            [.. gallery.Select(g => g.Name)],
            [.. queries.Select(q => q.Name)],
            (q, g) => gallery[g].Image.Photo.Key == queries[q].Pair.PositiveKey ? Relevance.Easy
                : queries[q].Related.Contains(gallery[g].Image.Photo.Key) ? Relevance.Junk
                : Relevance.Negative);
        var jobs = queries.Select(q => (q.Name, Image: q.Query)).Concat(gallery.Select(g => (g.Name, g.Image)))
            .Select(x => ImageJob.Single(x.Name, () => GalleryCopy.Bytes(x.Image.Photo.Path, x.Image.Width, x.Image.Height)))
            .ToList();
        return new SplitPlan(SplitNames.Test, truth, jobs, pairs.Count);
    }
}

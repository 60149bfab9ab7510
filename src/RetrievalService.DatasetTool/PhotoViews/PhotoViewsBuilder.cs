using RetrievalService.DatasetTool.Geometry;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.Splits;
using RetrievalService.DatasetTool.Sources;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>
/// Plans the photoviews splits: test = held-out photos, train/val = a seeded split of the others; every view's
/// geometry and look is fixed before any pixel is rendered, and the ground truth follows from geometry alone.
/// </summary>
public static class PhotoViewsBuilder
{
    /// <summary>One plan per non-empty split, in train, val, test order.</summary>
    public static IReadOnlyList<SplitPlan> Plan(IReadOnlyList<SourcePhoto> photos, int seed, PhotoViewsSettings settings)
    {
        var trainVal = InstanceSplitter.Assign(
            photos.Where(p => !p.Photo.HeldOut).Select(p => p.Instance), seed,
            [new(SplitNames.Train, 1 - settings.ValFraction), new(SplitNames.Val, settings.ValFraction)]);
        var splitOf = trainVal.ToDictionary(StringComparer.Ordinal);
        string SplitOf(SourcePhoto p) => p.Photo.HeldOut ? SplitNames.Test : splitOf[p.Instance];

        var plans = new List<SplitPlan>();
        foreach (var split in SplitNames.All)
        {
            var members = photos.Where(p => SplitOf(p) == split).OrderBy(p => p.Instance, StringComparer.Ordinal).ToList();
            if (members.Count > 0)
            {
                plans.Add(PlanSplit(split, [.. members.Select(p => PhotoPlan.Create(p, seed, settings))]));
            }
        }
        return plans;
    }

    /// <summary>Every photo's views in the one split <paramref name="split"/> (a set cut from photos outside the pool's rules).</summary>
    public static SplitPlan PlanOneSplit(IReadOnlyList<SourcePhoto> photos, string split, int seed, PhotoViewsSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfZero(photos.Count);
        return PlanSplit(split, [.. photos.OrderBy(p => p.Instance, StringComparer.Ordinal).Select(p => PhotoPlan.Create(p, seed, settings))]);
    }

    private static SplitPlan PlanSplit(string split, IReadOnlyList<PhotoPlan> plans)
    {
        var gallery = plans.SelectMany(p => p.Gallery.Select(v => (p.Source.Instance, View: v))).OrderBy(x => x.View.Name, StringComparer.Ordinal).ToList();
        var queries = plans.SelectMany(p => p.Queries.Select(v => (p.Source.Instance, View: v))).OrderBy(x => x.View.Name, StringComparer.Ordinal).ToList();
        var truth = GroundTruthAssembler.Assemble(
            [.. gallery.Select(g => g.View.Name)],
            [.. queries.Select(q => q.View.Name)],
            (q, g) => queries[q].Instance == gallery[g].Instance
                ? OverlapRule.Classify(queries[q].View.Region, gallery[g].View.Region)
                : Relevance.Negative);
        var jobs = plans.Select(p => new ImageJob([.. p.Gallery.Concat(p.Queries).Select(v => v.Name)], () => Render(p))).ToList();
        return new SplitPlan(split, truth, jobs, plans.Count);
    }

    private static IReadOnlyList<byte[]> Render(PhotoPlan plan)
    {
        using var photo = PhotoLoader.Load(plan.Source.Photo.Path);
        if (photo.Width != plan.Source.Width || photo.Height != plan.Source.Height)
        {
            // EXIF rotation would swap the sides the plan was drawn for; no pool photo has one today.
            throw new InvalidDataException($"{plan.Source.Photo.Key}: decoded {photo.Width}×{photo.Height}, planned {plan.Source.Width}×{plan.Source.Height}.");
        }
        return [.. plan.Gallery.Concat(plan.Queries).Select(v => ViewRenderer.Render(photo, v))];
    }
}

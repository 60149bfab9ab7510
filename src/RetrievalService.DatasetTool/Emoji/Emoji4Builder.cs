using RetrievalService.DatasetTool.Geometry;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.Splits;

namespace RetrievalService.DatasetTool.Emoji;

/// <summary>
/// Plans emoji4: instance = one emoji, images = its four vendors' 64-px drawings (original RGBA PNGs, copied).
/// Splits 60/20/20 by instance. Within a split, instance i (ordinal order) is queried by vendor i mod 4, so each
/// vendor queries a quarter of the instances; its other three drawings are the easy positives and the gallery
/// is every non-query drawing of the split. No hard or junk: every positive is the whole emoji.
/// </summary>
public static class Emoji4Builder
{
    /// <summary>Share of the emoji in each split.</summary>
    public static readonly IReadOnlyList<SplitFraction> Fractions =
        [new(SplitNames.Train, 0.6), new(SplitNames.Val, 0.2), new(SplitNames.Test, 0.2)];

    /// <summary>Plans for train, val and test; <paramref name="source"/> gives the file of (vendor, image).</summary>
    public static IReadOnlyList<SplitPlan> Plan(
        IReadOnlyList<string> images, IReadOnlyList<string> vendors, int seed, Func<string, string, string> source)
    {
        var assignment = InstanceSplitter.Assign(images, seed, Fractions);
        return [.. SplitNames.All.Select(split => PlanSplit(
            split, [.. assignment.Where(a => a.Value == split).Select(a => a.Key)], vendors, source))];
    }

    private static SplitPlan PlanSplit(string split, IReadOnlyList<string> images, IReadOnlyList<string> vendors, Func<string, string, string> source)
    {
        var queries = images.Select((image, i) => (Image: image, Vendor: vendors[i % vendors.Count]))
            .Select(q => (q.Image, q.Vendor, Name: $"queries/{q.Vendor}/{q.Image}"))
            .OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
        var queryVendor = queries.ToDictionary(q => q.Image, q => q.Vendor, StringComparer.Ordinal);
        var gallery = images.SelectMany(image => vendors.Where(v => v != queryVendor[image]).Select(v => (Image: image, Vendor: v, Name: $"{v}/{image}")))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var truth = GroundTruthAssembler.Assemble(
            [.. gallery.Select(g => g.Name)],
            [.. queries.Select(q => q.Name)],
            (q, g) => queries[q].Image == gallery[g].Image ? Relevance.Easy : Relevance.Negative);
        var jobs = queries.Concat(gallery)
            .Select(x => ImageJob.Single(x.Name, () => File.ReadAllBytes(source(x.Vendor, x.Image))))
            .ToList();
        return new SplitPlan(split, truth, jobs, images.Count);
    }
}

namespace RetrievalService.DatasetTool.Output;

/// <summary>Everything one split folder will contain: its ground truth, the jobs that render every image (gallery and queries) and its instance count.</summary>
public sealed record SplitPlan(string Split, GroundTruthFile Truth, IReadOnlyList<ImageJob> Jobs, int Instances)
{
    /// <summary>The counts recorded in <c>build.json</c> and the docs.</summary>
    public SplitCounts Counts() => new(
        Split,
        Instances,
        Truth.QimList.Count,
        Truth.ImList.Count,
        Truth.Gnd.Sum(g => g.Easy.Count),
        Truth.Gnd.Sum(g => g.Hard.Count),
        Truth.Gnd.Sum(g => g.Junk.Count));
}

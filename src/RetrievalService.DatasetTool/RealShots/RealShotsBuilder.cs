using RetrievalService.DatasetTool.Geometry;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.DatasetTool.Splits;
using SixLabors.ImageSharp;

namespace RetrievalService.DatasetTool.RealShots;

/// <summary>
/// Plans real-shots: instances photographed two or more times, split into val and test by instance. Every shot is a
/// query; the other shots of its instance are its positives (hard when either shot is marked hard), its own gallery copy
/// is junk, and every other instance's shots and the distractors are negatives.
/// </summary>
public static class RealShotsBuilder
{
    /// <summary>Shorter side below which a shot or a distractor is refused: too little left to recognise at 224 px.</summary>
    public const int MinSide = 128;

    /// <summary>A distractor photograph and the name it gets under the gallery's <c>distractors/</c>.</summary>
    public sealed record Distractor(string Name, string Path, int Width, int Height);

    /// <summary>The val and test splits.</summary>
    /// <exception cref="InvalidDataException">An instance has fewer than two shots, a file is listed twice, or a shot is unreadable or too small.</exception>
    public static IReadOnlyList<SplitPlan> Plan(IReadOnlyList<Shot> shots, IReadOnlyList<Distractor> distractors, int seed)
    {
        var sized = Measure(shots);
        var instances = sized.GroupBy(s => s.Shot.Instance, StringComparer.Ordinal).Select(g => (g.Key, g.Any(s => s.Shot.Hard)));
        var splits = AssignSplits(instances, seed);
        return [.. new[] { SplitNames.Val, SplitNames.Test }.Select(split =>
            PlanSplit(split, [.. sized.Where(s => splits[s.Shot.Instance] == split)], distractors))];
    }

    /// <summary>
    /// Instance → split. Instances are grouped by whether any of their shots is marked hard, then by their source prefix
    /// (the id up to its first hyphen); each group is shuffled by the seed and dealt to val and test in turn, the turn
    /// running on across groups, so both splits get a share of the hard pairs and of every source.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AssignSplits(IEnumerable<(string Instance, bool HasHard)> instances, int seed)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 0;
        var groups = instances.DistinctBy(i => i.Instance, StringComparer.Ordinal)
            .GroupBy(i => (i.HasHard, Prefix: Prefix(i.Instance)))
            .OrderByDescending(g => g.Key.HasHard).ThenBy(g => g.Key.Prefix, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var ids = group.Select(i => i.Instance).Order(StringComparer.Ordinal).ToArray();
            Seeds.For(seed, "real-shots-split", group.Key.HasHard ? "hard" : "easy", group.Key.Prefix).Shuffle(ids);
            foreach (var id in ids)
            {
                result[id] = next++ % 2 == 0 ? SplitNames.Val : SplitNames.Test;
            }
        }
        return result;
    }

    private static string Prefix(string instance) => instance.Split('-')[0];

    private sealed record SizedShot(Shot Shot, int Width, int Height, string Name);

    // A file the split writes: its name in the split and the source it is copied from.
    private sealed record SplitFile(string Name, string Path, int Width, int Height);

    private static List<SizedShot> Measure(IReadOnlyList<Shot> shots)
    {
        var repeated = shots.GroupBy(s => Path.GetFullPath(s.Path), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidDataException($"{repeated.Key} is listed {repeated.Count()} times.");
        }
        var single = shots.GroupBy(s => s.Instance, StringComparer.Ordinal).FirstOrDefault(g => g.Count() < 2);
        if (single is not null)
        {
            throw new InvalidDataException($"Instance '{single.Key}' has one shot; every instance needs two or more.");
        }
        var sized = new List<SizedShot>();
        foreach (var instance in shots.GroupBy(s => s.Instance, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var index = 0;
            foreach (var shot in instance)
            {
                var info = Image.Identify(shot.Path) ?? throw new InvalidDataException($"{shot.Path} is not an image.");
                if (Math.Min(info.Width, info.Height) < MinSide)
                {
                    throw new InvalidDataException($"{shot.Path} is {info.Width}×{info.Height}; shots need a shorter side of {MinSide} px or more.");
                }
                var stem = Path.GetFileNameWithoutExtension(shot.Path).ToLowerInvariant();
                var name = $"{shot.Instance}/{++index:00}-{stem}{GalleryCopy.Extension(shot.Path, info.Width, info.Height)}";
                sized.Add(new SizedShot(shot, info.Width, info.Height, name));
            }
        }
        return sized;
    }

    private static SplitPlan PlanSplit(string split, IReadOnlyList<SizedShot> shots, IReadOnlyList<Distractor> distractors)
    {
        var imlist = shots.Select(s => s.Name).Concat(distractors.Select(d => d.Name)).ToList();
        var qimlist = shots.Select(s => $"queries/{s.Name}").ToList();
        var truth = GroundTruthAssembler.Assemble(imlist, qimlist, (q, g) => Judge(shots, q, g));
        var jobs = shots.Select(s => new SplitFile(s.Name, s.Shot.Path, s.Width, s.Height))
            .Concat(shots.Select(s => new SplitFile($"queries/{s.Name}", s.Shot.Path, s.Width, s.Height)))
            .Concat(distractors.Select(d => new SplitFile(d.Name, d.Path, d.Width, d.Height)))
            .Select(file => ImageJob.Single(file.Name, () => GalleryCopy.Bytes(file.Path, file.Width, file.Height)))
            .ToList();
        return new SplitPlan(split, truth, jobs, shots.Select(s => s.Shot.Instance).Distinct(StringComparer.Ordinal).Count());
    }

    private static Relevance Judge(IReadOnlyList<SizedShot> shots, int query, int gallery)
    {
        if (gallery >= shots.Count)
        {
            return Relevance.Negative;
        }
        var (q, g) = (shots[query].Shot, shots[gallery].Shot);
        return query == gallery ? Relevance.Junk
            : q.Instance != g.Instance ? Relevance.Negative
            : q.Hard || g.Hard ? Relevance.Hard
            : Relevance.Easy;
    }
}

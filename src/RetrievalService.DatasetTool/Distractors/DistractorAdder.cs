using System.Globalization;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.DatasetTool.Splits;

namespace RetrievalService.DatasetTool.Distractors;

/// <summary>
/// Writes a copy of a built dataset whose <paramref name="Split"/> gallery also holds unlabelled distractor images,
/// appended after the dataset's own images so every <c>gnd</c> index stays valid and no query lists them. In the
/// training split they widen what label-free losses (regression, RKD) and negative mining see; in the test split
/// they make a harder gallery, as the revisited protocol's +1M distractors do. Other splits are copied unchanged.
/// </summary>
/// <param name="Split">The split that receives the distractors.</param>
/// <param name="Workers">Images rendered in parallel (does not change the output).</param>
public sealed record DistractorAdder(string Split, int Workers)
{
    /// <summary>Copies <paramref name="datasetDir"/> to <paramref name="outDir"/> (replacing it) with <paramref name="distractors"/> added.</summary>
    /// <param name="datasetDir">A dataset folder with <c>build.json</c> and split folders.</param>
    /// <param name="outDir">The folder to write; must neither be nor lie inside nor hold <paramref name="datasetDir"/> or any of <paramref name="folders"/>.</param>
    /// <param name="distractors">Candidates from <see cref="DistractorSources.Find"/>.</param>
    /// <param name="folders">The folders they came from, recorded in <c>build.json</c>.</param>
    /// <param name="sources">Registry packages of those folders, appended to the dataset's sources.</param>
    /// <param name="skipped">Files already refused (duplicates); refused renders are added.</param>
    /// <param name="progress">Images rendered so far.</param>
    /// <param name="ct">Stops the copy.</param>
    /// <returns>The new manifest.</returns>
    public BuildManifest Write(string datasetDir, string outDir, IReadOnlyList<DistractorImage> distractors, IReadOnlyList<string> folders,
        IReadOnlyList<SourceRecord> sources, IReadOnlyList<string> skipped, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var (source, target) = (Path.GetFullPath(datasetDir), Path.GetFullPath(outDir));
        if (IsSameOrInside(target, source))
        {
            throw new ArgumentException($"The output folder {outDir} must lie outside the dataset {datasetDir}: the dataset is read while the copy is written.", nameof(outDir));
        }
        // The output folder is deleted before the copy, so it must not hold what the copy is made from.
        if (IsSameOrInside(source, target))
        {
            throw new ArgumentException($"The output folder {outDir} holds the dataset {datasetDir} and would be deleted with it; choose a folder beside it.", nameof(outDir));
        }
        if (folders.FirstOrDefault(f => IsSameOrInside(Path.GetFullPath(f), target)) is { } inside)
        {
            throw new ArgumentException($"The output folder {outDir} holds the images folder {inside} and would be deleted with it; choose a folder beside it.", nameof(outDir));
        }
        var manifest = DatasetJson.Read<BuildManifest>(Path.Combine(source, BuildManifest.FileName));
        if (!SplitNames.All.Contains(Split) || manifest.Splits.All(s => s.Split != Split))
        {
            throw new ArgumentException($"The dataset has no split '{Split}' (it has {string.Join(", ", manifest.Splits.Select(s => s.Split))}).", nameof(Split));
        }
        var truthPath = Path.Combine(source, Split, GroundTruthFile.FileName);
        var truth = DatasetJson.Read<GroundTruthFile>(truthPath);
        if (truth.ImList.Any(n => n.StartsWith(DistractorSources.NamePrefix, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"{truthPath} already holds distractors; add them to the dataset they were added to once, from all folders together.", nameof(datasetDir));
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        CopyTree(source, target, ct);
        var rendered = Render(distractors, Path.Combine(target, Split), progress, ct);
        var added = rendered.Where(r => r.Reason is null).Select(r => r.Image.Name).ToList();
        var refused = rendered.Where(r => r.Reason is not null).Select(r => $"{r.Image.SourcePath}: {r.Reason}");

        var extended = truth with { ImList = [.. truth.ImList, .. added] };
        extended.Validate();
        DatasetJson.Write(Path.Combine(target, Split, GroundTruthFile.FileName), extended);
        var updated = manifest with
        {
            Sources = [.. manifest.Sources, .. sources.Where(s => !manifest.Sources.Contains(s))],
            Settings = new SortedDictionary<string, string>(manifest.Settings, StringComparer.Ordinal)
            {
                [$"distractors.{Split}"] = $"{added.Count.ToString(CultureInfo.InvariantCulture)} unlabelled images appended to the gallery "
                    + $"(JPEG, longer side ≤ {GalleryCopy.MaxLongerSide}) from {string.Join(", ", folders.Select(Path.GetFileName))}",
            },
            Splits = [.. manifest.Splits.Select(s => s.Split == Split ? s with { Gallery = s.Gallery + added.Count } : s)],
            Skipped = [.. manifest.Skipped, .. skipped, .. refused],
        };
        DatasetWriter.WriteManifest(target, updated);
        return updated;
    }

    private List<(DistractorImage Image, string? Reason)> Render(IReadOnlyList<DistractorImage> distractors, string splitDir, IProgress<int>? progress, CancellationToken ct)
    {
        var results = new (DistractorImage Image, string? Reason)[distractors.Count];
        var done = 0;
        Parallel.For(0, distractors.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Workers), CancellationToken = ct }, i =>
        {
            var image = distractors[i];
            var bytes = DistractorRenderer.Render(image.SourcePath, out var reason);
            if (bytes is not null)
            {
                var path = Path.Combine(splitDir, image.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
            results[i] = (image, reason);
            progress?.Report(Interlocked.Increment(ref done));
        });
        return [.. results];
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void CopyTree(string source, string target, CancellationToken ct)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}

using System.Collections.Concurrent;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.Embedding.Images;

namespace RetrievalService.DatasetTool.Distractors;

/// <summary>A candidate image and the reference image whose <see cref="DifferenceHash"/> is closest to it.</summary>
public sealed record NearCopy(string Candidate, string Reference, int Distance);

/// <summary>
/// Finds, for each candidate image, the closest reference image by <see cref="DifferenceHash"/>: the check that an
/// unlabelled training pool holds no copy of a validation or test photo.
/// </summary>
public static class NearCopies
{
    /// <summary>
    /// Every readable candidate with its closest reference, closest pairs first. Files that do not decode go to
    /// <paramref name="unreadable"/> with the reason, on either side.
    /// </summary>
    public static IReadOnlyList<NearCopy> Closest(IReadOnlyList<string> candidates, IReadOnlyList<string> references,
        ICollection<string> unreadable, int workers)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(unreadable);
        var failures = new ConcurrentBag<string>();
        var referenceHashes = Hash(references, failures, workers);
        var candidateHashes = Hash(candidates, failures, workers);
        foreach (var failure in failures.Order(StringComparer.Ordinal))
        {
            unreadable.Add(failure);
        }
        if (referenceHashes.Count == 0)
        {
            return [];
        }
        return [.. candidateHashes
            .Select(c => referenceHashes
                .Select(r => new NearCopy(c.Path, r.Path, c.Hash.DistanceTo(r.Hash)))
                .MinBy(pair => pair.Distance)!)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)];
    }

    /// <summary>The image files below each folder (<see cref="DistractorSources.ImageFiles"/>), in ordinal order.</summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static IReadOnlyList<string> ImagesIn(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        return [.. folders.SelectMany(folder => DistractorSources.ImageFiles(folder, "Image")).Order(StringComparer.Ordinal)];
    }

    private static List<(string Path, DifferenceHash Hash)> Hash(IReadOnlyList<string> paths, ConcurrentBag<string> failures, int workers)
    {
        var hashes = new DifferenceHash?[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, i =>
        {
            try
            {
                using var image = PhotoLoader.Load(paths[i]);
                hashes[i] = DifferenceHash.Of(image);
            }
            catch (ImageRejectedException e)
            {
                failures.Add($"{paths[i]}: {e.Reason}: {e.Message}");
            }
        });
        return [.. paths.Zip(hashes).Where(p => p.Second is not null).Select(p => (p.First, p.Second!.Value))];
    }
}

using RetrievalService.DataSources.Photos;
using RetrievalService.DatasetTool.Sources;

namespace RetrievalService.DatasetTool.RealShots;

/// <summary>Every readable photo directly inside some folders (not their subfolders), as <see cref="RealShotsBuilder.Distractor"/>s.</summary>
public static class DistractorFolders
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".webp" };

    /// <summary>
    /// The photos in <paramref name="folders"/>, named <c>distractors/&lt;path relative to <paramref name="sourcesDir"/>&gt;</c>
    /// (so two packages' <c>backgrounds/</c> never collide, and no path of this machine is written; the extension as the
    /// gallery copy writes it), ordered by name; unreadable and small files are listed in <c>Skipped</c>.
    /// </summary>
    public static (IReadOnlyList<RealShotsBuilder.Distractor> Distractors, IReadOnlyList<string> Skipped) Read(IReadOnlyList<string> folders, string sourcesDir)
    {
        var sources = Path.GetFullPath(sourcesDir);
        var candidates = new List<PoolPhoto>();
        foreach (var root in folders.Select(Path.GetFullPath))
        {
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"Distractor folder {root} does not exist.");
            }
            candidates.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.TopDirectoryOnly)
                .Where(path => Extensions.Contains(Path.GetExtension(path)))
                .Select(path => new PoolPhoto(Path.GetFileName(root), path, Key(sources, root, path), HeldOut: false)));
        }
        var (images, unreadable) = PoolImage.Identify(candidates.DistinctBy(c => c.Key, StringComparer.Ordinal));
        var small = images.Where(i => Math.Min(i.Width, i.Height) < RealShotsBuilder.MinSide)
            .Select(i => $"{i.Photo.Key}: {i.Width}×{i.Height}, shorter side under {RealShotsBuilder.MinSide} px");
        var distractors = images.Where(i => Math.Min(i.Width, i.Height) >= RealShotsBuilder.MinSide)
            .Select(i => new RealShotsBuilder.Distractor(
                $"distractors/{Path.ChangeExtension(i.Photo.Key, GalleryCopy.Extension(i.Photo.Path, i.Width, i.Height))}", i.Photo.Path, i.Width, i.Height))
            .OrderBy(d => d.Name, StringComparer.Ordinal);
        return ([.. distractors], [.. unreadable, .. small]);
    }

    private static string Key(string sources, string root, string path)
    {
        var relative = Path.GetRelativePath(sources, path).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? $"{Path.GetFileName(root)}/{Path.GetFileName(path)}"
            : relative;
    }
}

using RetrievalService.DatasetTool.Sources;
using SixLabors.ImageSharp;

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
        var (distractors, skipped) = (new List<RealShotsBuilder.Distractor>(), new List<string>());
        foreach (var root in folders.Select(Path.GetFullPath))
        {
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"Distractor folder {root} does not exist.");
            }
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.TopDirectoryOnly).Where(p => Extensions.Contains(Path.GetExtension(p))))
            {
                var relative = Path.GetRelativePath(sources, path).Replace('\\', '/');
                var key = relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
                    ? $"{Path.GetFileName(root)}/{Path.GetFileName(path)}"
                    : relative;
                try
                {
                    var info = Image.Identify(path);
                    if (info is null)
                    {
                        skipped.Add($"{key}: not an image");
                        continue;
                    }
                    if (Math.Min(info.Width, info.Height) < RealShotsBuilder.MinSide)
                    {
                        skipped.Add($"{key}: {info.Width}×{info.Height}, shorter side under {RealShotsBuilder.MinSide} px");
                        continue;
                    }
                    var name = $"distractors/{Path.ChangeExtension(key, GalleryCopy.Extension(path, info.Width, info.Height))}";
                    distractors.Add(new RealShotsBuilder.Distractor(name, path, info.Width, info.Height));
                }
                catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or IOException)
                {
                    skipped.Add($"{key}: unreadable ({e.GetType().Name})");
                }
            }
        }
        return ([.. distractors.DistinctBy(d => d.Name, StringComparer.Ordinal).OrderBy(d => d.Name, StringComparer.Ordinal)], skipped);
    }
}

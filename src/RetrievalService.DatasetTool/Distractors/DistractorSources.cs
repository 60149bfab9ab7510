using System.Security.Cryptography;

namespace RetrievalService.DatasetTool.Distractors;

/// <summary>
/// Finds distractor candidates in image folders: every PNG/JPEG/BMP/GIF/WebP file below each folder, in ordinal
/// order of its relative path so the same folders always give the same list, byte-identical copies dropped.
/// Each folder's files are named <c>gallery/distractors/&lt;folder name&gt;/&lt;relative path&gt;.jpg</c>.
/// </summary>
public static class DistractorSources
{
    /// <summary>The <c>imlist</c> prefix of distractor images; no builder writes images there.</summary>
    public const string NamePrefix = "gallery/distractors/";

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp" };

    /// <summary>The image files (PNG/JPEG/BMP/GIF/WebP) below <paramref name="folder"/>, sub-folders included, unordered.</summary>
    /// <param name="folder">The folder searched.</param>
    /// <param name="role">What the folder is for, as the error names it ("Distractor", "Image").</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IEnumerable<string> ImageFiles(string folder, string role)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{role} folder {folder} does not exist.");
        }
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(p => Extensions.Contains(Path.GetExtension(p)));
    }

    /// <summary>Candidates of <paramref name="folders"/>; duplicates go to <paramref name="skipped"/> with the file they repeat.</summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    /// <exception cref="ArgumentException">Two folders have the same name, so their images would share names.</exception>
    public static IReadOnlyList<DistractorImage> Find(IReadOnlyList<string> folders, ICollection<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(skipped);
        var labels = folders.Select(Label).ToList();
        var repeated = labels.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Two distractor folders are named '{repeated.Key}'; their images would get the same names.", nameof(folders));
        }
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<DistractorImage>();
        for (var f = 0; f < folders.Count; f++)
        {
            var root = Path.GetFullPath(folders[f]);
            var files = ImageFiles(root, "Distractor")
                .Select(p => (Path: p, Relative: Path.GetRelativePath(root, p).Replace('\\', '/')))
                .OrderBy(p => p.Relative, StringComparer.Ordinal);
            foreach (var (path, relative) in files)
            {
                var name = $"{NamePrefix}{labels[f]}/{Path.ChangeExtension(relative, ".jpg")}";
                // a.png and a.jpg in one folder would both become a.jpg: keep the first, say so.
                if (!names.Add(name))
                {
                    skipped.Add($"{path}: another file of its folder already maps to {name}");
                    continue;
                }
                string hash;
                using (var stream = File.OpenRead(path))
                {
                    hash = Convert.ToHexString(SHA256.HashData(stream));
                }
                if (seen.TryGetValue(hash, out var first))
                {
                    skipped.Add($"{path}: same bytes as {first}");
                    continue;
                }
                seen[hash] = name;
                found.Add(new DistractorImage(path, name));
            }
        }
        return found;
    }

    private static string Label(string folder) => Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
}

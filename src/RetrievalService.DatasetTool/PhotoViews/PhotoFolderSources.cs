using RetrievalService.DataSources.Photos;
using RetrievalService.DatasetTool.Sources;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>
/// Photoviews instances from folders of photographs outside the Debian photo pool's rules (an extra validation or
/// test set from photos no training pool holds). Every image below a folder is a candidate; the pool's rules still
/// apply: shorter side at least <see cref="PhotoViewsSources.MinSide"/>, unreadable files skipped, and near-duplicate
/// files (one photo at several sizes) folded into one instance by <see cref="PhotoFamilies"/>.
/// </summary>
public static class PhotoFolderSources
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp" };

    /// <summary>
    /// The instances under <paramref name="folders"/>, ordered by instance id. A file inside
    /// <c>&lt;debsDir&gt;/&lt;package&gt;/</c> is keyed and attributed to that package (so build.json can record its
    /// version); any other file to its folder's name.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A folder does not exist.</exception>
    public static (IReadOnlyList<SourcePhoto> Photos, IReadOnlyList<string> Skipped) Select(IReadOnlyList<string> folders, string debsDir)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var candidates = new List<PoolPhoto>();
        foreach (var folder in folders)
        {
            var root = Path.GetFullPath(folder);
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"Photo folder {folder} does not exist.");
            }
            candidates.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(p => Extensions.Contains(Path.GetExtension(p)))
                .Select(p => ToPhoto(root, p, debsDir)));
        }
        var distinct = candidates.DistinctBy(p => p.Key, StringComparer.Ordinal).OrderBy(p => p.Key, StringComparer.Ordinal);
        var (images, skipped) = PoolImage.Identify(distinct);
        var small = images.Where(i => !PhotoViewsSources.LargeEnough(i))
            .Select(i => $"{i.Photo.Key}: {i.Width}×{i.Height}, shorter side under {PhotoViewsSources.MinSide} px");
        return (PhotoViewsSources.OnePerFamily(images.Where(PhotoViewsSources.LargeEnough)), [.. skipped, .. small]);
    }

    private static PoolPhoto ToPhoto(string root, string path, string debsDir)
    {
        var inDebs = Path.GetRelativePath(Path.GetFullPath(debsDir), path).Replace('\\', '/');
        var key = !inDebs.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inDebs)
            ? inDebs
            : $"{Path.GetFileName(root)}/{Path.GetRelativePath(root, path).Replace('\\', '/')}";
        return new PoolPhoto(key[..key.IndexOf('/')], path, key, HeldOut: false);
    }
}

using RetrievalService.DataSources.Photos;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>
/// Short, unique dataset file names for pool photos: <c>package/rest</c> with the folder every photo of that
/// package shares removed (<c>opencv-doc/aero3.jpg</c> rather than <c>opencv-doc/usr/share/doc/…/aero3.jpg</c>).
/// Computed over the whole pool, so a photo's name does not depend on which others a dataset picks.
/// </summary>
public static class PoolNames
{
    /// <summary>Pool key → short name.</summary>
    public static IReadOnlyDictionary<string, string> Create(IReadOnlyList<PoolPhoto> pool)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in pool.GroupBy(p => p.Package, StringComparer.Ordinal))
        {
            var relative = package.Select(p => p.Key[(package.Key.Length + 1)..]).ToList();
            var common = CommonFolder(relative);
            foreach (var (photo, rest) in package.Zip(relative))
            {
                names[photo.Key] = $"{package.Key}/{rest[common.Length..]}";
            }
        }
        return names;
    }

    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        var folders = paths.Select(p => p.Split('/')[..^1]).ToList();
        var shared = folders.Aggregate((a, b) => [.. a.Zip(b).TakeWhile(x => x.First == x.Second).Select(x => x.First)]);
        return shared.Length == 0 ? "" : string.Join('/', shared) + "/";
    }
}

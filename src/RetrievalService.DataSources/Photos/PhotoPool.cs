namespace RetrievalService.DataSources.Photos;

/// <summary>
/// The unlabelled photo pool (docs/sources.md#the-debian-photo-pool), unpacked by <c>scripts/fetch-photos.sh</c> into
/// <c>data/sources/debs/&lt;package&gt;/</c>. Held-out photos are whole packages, so no photo, resized copy
/// or stereo partner of a held-out image can appear in a fitting set.
/// </summary>
public static class PhotoPool
{
    /// <summary>Packages reserved for evaluation: wallpapers, darknet's samples, stereo pairs, Grace Hopper.</summary>
    public static readonly IReadOnlySet<string> HeldOutPackages = new HashSet<string>
    {
        "lomiri-wallpapers-16.04", "lomiri-wallpapers-20.04", "ukui-wallpapers", "darknet", "mrpt-common", "python-matplotlib-data",
    };

    private static readonly PhotoSourceRule[] Rules =
    [
        new("plasma-workspace-wallpapers", "usr/share/wallpapers", Recursive: true, LargestPerFolderOf: "contents/images"),
        new("mate-backgrounds", "usr/share/backgrounds/mate", Recursive: true),
        new("lxqt-themes", "usr/share/lxqt/wallpapers"),
        new("python3-skimage", "usr/lib/python3/dist-packages/skimage/data"),
        new("opencv-doc", "usr/share/doc/opencv-doc/examples/data"),
        new("tuxpaint-stamps-default", "usr/share/tuxpaint/stamps", Recursive: true, Exclude: "_mirror"),
        new("lomiri-wallpapers-16.04", "usr/share/backgrounds"),
        new("lomiri-wallpapers-20.04", "usr/share/backgrounds"),
        new("ukui-wallpapers", "usr/share/backgrounds"),
        new("darknet", "usr/share/darknet/data"),
        new("mrpt-common", "usr/share/mrpt/datasets/stereo-calib"),
        new("python-matplotlib-data", "usr/share/matplotlib/mpl-data/sample_data", Include: "grace_hopper"),
    ];

    /// <summary>The Debian packages of the pool, as <c>scripts/fetch-photos.sh</c> fetches them (<c>dataset-tool photo-pool packages</c>).</summary>
    public static IReadOnlyList<string> Packages { get; } = [.. Rules.Select(rule => rule.Package).Distinct(StringComparer.Ordinal)];

    /// <summary>All pool photos in a stable order; fails when a package has not been fetched.</summary>
    public static IReadOnlyList<PoolPhoto> Enumerate(string debsDir) =>
        Rules.SelectMany(rule => rule.Select(debsDir))
            .Select(path => ToPhoto(debsDir, path))
            .OrderBy(photo => photo.Key, StringComparer.Ordinal)
            .ToList();

    internal static PoolPhoto ToPhoto(string debsDir, string path)
    {
        var key = System.IO.Path.GetRelativePath(debsDir, path).Replace('\\', '/');
        var package = key[..key.IndexOf('/')];
        return new PoolPhoto(package, path, key, HeldOutPackages.Contains(package));
    }
}

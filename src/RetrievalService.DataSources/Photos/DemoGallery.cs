namespace RetrievalService.DataSources.Photos;

/// <summary>
/// The demo gallery that <c>scripts/run.sh</c> indexes: the photographs of the pool (wallpapers, OpenCV and
/// scikit-image samples, darknet, stereo pairs), chosen by the same rules the script has always used, so that an
/// existing demo gallery keeps its ids. Stamps and Grace Hopper stay out; so does <see cref="ExampleQuery"/>.
/// </summary>
public static class DemoGallery
{
    /// <summary>
    /// The example query that <c>scripts/run.sh</c> suggests (OpenCV's graffiti wall), left out of the gallery; its
    /// oblique view, <c>graf3.png</c>, is in it.
    /// </summary>
    public const string ExampleQuery = "opencv-doc/usr/share/doc/opencv-doc/examples/data/graf1.png";

    private static readonly DemoGalleryRule[] Rules =
    [
        DemoGalleryRule.KdeWallpapers("plasma-workspace-wallpapers", "usr/share/wallpapers"),
        DemoGalleryRule.Tree("mate-backgrounds", "usr/share/backgrounds"),
        DemoGalleryRule.Tree("lomiri-wallpapers-16.04", "usr/share/backgrounds"),
        DemoGalleryRule.Tree("lomiri-wallpapers-20.04", "usr/share/backgrounds"),
        DemoGalleryRule.Tree("ukui-wallpapers", "usr/share/backgrounds"),
        DemoGalleryRule.Tree("lxqt-themes", "usr/share/lxqt/wallpapers"),
        DemoGalleryRule.TopLevel("opencv-doc", "usr/share/doc/opencv-doc/examples/data"),
        DemoGalleryRule.TopLevel("python3-skimage", "usr/lib/python3/dist-packages/skimage/data"),
        DemoGalleryRule.TopLevel("darknet", "usr/share/darknet/data"),
        DemoGalleryRule.TopLevel("mrpt-common", "usr/share/mrpt/datasets/stereo-calib"),
    ];

    /// <summary>The gallery's photos ordered by key (ordinal); fails when a package has not been fetched.</summary>
    public static IReadOnlyList<PoolPhoto> Enumerate(string debsDir)
    {
        var root = Path.GetFullPath(debsDir);
        return [.. Rules.SelectMany(rule => rule.Select(root))
            .Select(path => PhotoPool.ToPhoto(root, path))
            .Where(photo => photo.Key != ExampleQuery)
            .OrderBy(photo => photo.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The gallery id of a photo: its key with the package's deep folders shortened to <c>:</c> and every <c>/</c>
    /// turned into <c>:</c> (<c>opencv-doc:graf3.png</c>), since an id is one URL path segment.
    /// </summary>
    public static string Id(string key) =>
        ReplaceFirst(ReplaceFirst(ReplaceFirst(key, "/usr/share/doc/opencv-doc/examples/data/"), "/usr/lib/python3/dist-packages/skimage/data/"), "/usr/share/")
            .Replace('/', ':');

    private static string ReplaceFirst(string text, string folder) =>
        text.IndexOf(folder, StringComparison.Ordinal) is var at and >= 0 ? string.Concat(text.AsSpan(0, at), ":", text.AsSpan(at + folder.Length)) : text;
}

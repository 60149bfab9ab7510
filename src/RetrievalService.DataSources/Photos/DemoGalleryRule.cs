using System.IO.Enumeration;

namespace RetrievalService.DataSources.Photos;

/// <summary>Which files of one unpacked package the demo gallery takes.</summary>
internal sealed record DemoGalleryRule(string Package, string Folder, bool Recursive, bool LinksToo, Func<string, bool> Accepts)
{
    /// <summary>KDE wallpapers: the 1920x1080 copy of each, whatever its format; most sizes are links to one file, so links count.</summary>
    public static DemoGalleryRule KdeWallpapers(string package, string folder) =>
        new(package, folder, Recursive: true, LinksToo: true,
            path => path.Contains("/contents/images/", StringComparison.Ordinal) && Path.GetFileName(path).StartsWith("1920x1080.", StringComparison.Ordinal));

    /// <summary>Every JPEG and PNG file below the folder.</summary>
    public static DemoGalleryRule Tree(string package, string folder) => new(package, folder, Recursive: true, LinksToo: false, IsJpegOrPng);

    /// <summary>The JPEG and PNG files directly in the folder, not below it.</summary>
    public static DemoGalleryRule TopLevel(string package, string folder) => new(package, folder, Recursive: false, LinksToo: false, IsJpegOrPng);

    /// <summary>Full paths of the files taken, in no particular order.</summary>
    public IEnumerable<string> Select(string debsDir)
    {
        var folder = Path.Combine(debsDir, Package, Folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"'{folder}' is missing: run scripts/fetch-photos.sh.");
        }
        var linksToo = LinksToo;
        // Links to folders are never followed, and links to files are taken only where a rule says so.
        return new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToFullPath(),
            new EnumerationOptions { RecurseSubdirectories = Recursive, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && (linksToo || !IsLink(ref entry)),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry),
        }.Where(path => Accepts(path.Replace('\\', '/')));
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    // Case matters: the demo has always taken lower-case extensions only.
    private static bool IsJpegOrPng(string path) =>
        path.EndsWith(".jpg", StringComparison.Ordinal) || path.EndsWith(".png", StringComparison.Ordinal);
}

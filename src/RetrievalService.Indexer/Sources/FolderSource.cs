using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Sources;

/// <summary>
/// Image files under a folder, recursively, chosen by extension (case-insensitive), in ordinal path order so that
/// runs are reproducible. Hidden files and folders are skipped. The id is the path relative to the folder with each
/// separator replaced by <c>:</c> (<c>cats/tabby.jpg</c> → <c>cats:tabby.jpg</c>), because an id is one URL path
/// segment and may not contain <c>/</c>. The source is the path relative to the folder with <c>/</c> separators
/// (<c>cats/tabby.jpg</c>): the server's own directory layout is not the gallery's business.
/// </summary>
internal static class FolderSource
{
    public static readonly IReadOnlyList<string> DefaultExtensions = ["jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff"];

    public static SourceList Enumerate(string folder, IReadOnlyCollection<string> extensions)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        }
        var wanted = new HashSet<string>(extensions.Select(e => "." + e.TrimStart('.')), StringComparer.OrdinalIgnoreCase);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Where(path => wanted.Contains(Path.GetExtension(path)))
            .Order(StringComparer.Ordinal)
            .Select(path => new IndexItem(IdFor(root, path), IndexContent.FromFile(path), SourceFor(root, path), null))
            .ToList();
        return new SourceList(files, []);
    }

    /// <summary>The source of <paramref name="path"/> under <paramref name="root"/>: relative path, separators as <c>/</c>.</summary>
    public static string SourceFor(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The id of <paramref name="path"/> under <paramref name="root"/>: relative path, separators as <c>:</c>.</summary>
    public static string IdFor(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, ':').Replace('/', ':');
}

using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Sources;

/// <summary>
/// Image files under a folder, recursively, chosen by extension (case-insensitive), in ordinal path order so that
/// runs are reproducible. Hidden files and folders are skipped. The id is the path relative to the folder with each
/// separator replaced by <c>:</c> (<c>cats/tabby.jpg</c> → <c>cats:tabby.jpg</c>), because an id is one URL path
/// segment and may not contain <c>/</c>. The source is the path relative to the folder with <c>/</c> separators
/// (<c>cats/tabby.jpg</c>): the server's own directory layout is not the gallery's business.
/// A symbolic link to a folder is not followed (<c>ln -s . loop</c> would repeat every image forever, <c>ln -s / all</c>
/// would walk the whole machine) and a subfolder that cannot be listed is not silently left out: each is a
/// <see cref="SourceProblem"/>. Links to files are kept; what they point at is checked when read.
/// </summary>
internal static class FolderSource
{
    public static readonly IReadOnlyList<string> DefaultExtensions = ["jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff"];

    // One level at a time, so that every folder's failure is seen (IgnoreInaccessible would drop it without a word).
    private static readonly EnumerationOptions OneLevel = new() { IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="UnusablePathException">The folder is empty text or cannot be listed.</exception>
    public static SourceList Enumerate(string folder, IReadOnlyCollection<string> extensions)
    {
        if (folder.Length == 0)
        {
            throw new UnusablePathException("The folder to index is an empty string; give its path.");
        }
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        }
        var wanted = new HashSet<string>(extensions.Select(e => "." + e.TrimStart('.')), StringComparer.OrdinalIgnoreCase);
        var files = new List<string>();
        var problems = new List<SourceProblem>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.TryPop(out var directory))
        {
            if (List(root, directory, problems) is not { } entries)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (entry is not DirectoryInfo subfolder)
                {
                    if (wanted.Contains(entry.Extension))
                    {
                        files.Add(entry.FullName);
                    }
                }
                else if (subfolder.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    problems.Add(new SourceProblem(IdFor(root, subfolder.FullName), subfolder.FullName,
                        $"A symbolic link to a folder ({subfolder.LinkTarget}) is not followed: it could loop or leave the folder. Index its target on its own, or copy it in.",
                        SourceProblem.LinkedFolder));
                }
                else
                {
                    pending.Push(subfolder);
                }
            }
        }
        var items = files.Order(StringComparer.Ordinal)
            .Select(path => new IndexItem(IdFor(root, path), IndexContent.FromFile(path), SourceFor(root, path), null))
            .ToList();
        return new SourceList(items, [.. problems.OrderBy(p => p.Source, StringComparer.Ordinal)]);
    }

    /// <summary>The folder's entries; null, with a problem recorded, when a subfolder cannot be listed.</summary>
    private static List<FileSystemInfo>? List(string root, DirectoryInfo directory, List<SourceProblem> problems)
    {
        try
        {
            return [.. directory.EnumerateFileSystemInfos("*", OneLevel)];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            if (directory.FullName == root)
            {
                throw new UnusablePathException($"The folder '{root}' cannot be read: {e.Message}", e);
            }
            problems.Add(new SourceProblem(IdFor(root, directory.FullName), directory.FullName,
                $"The folder cannot be read, so none of its files is indexed: {e.Message}", RejectionCodes.Unreadable));
            return null;
        }
    }

    /// <summary>The source of <paramref name="path"/> under <paramref name="root"/>: relative path, separators as <c>/</c>.</summary>
    public static string SourceFor(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The id of <paramref name="path"/> under <paramref name="root"/>: relative path, separators as <c>:</c>.</summary>
    public static string IdFor(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, ':').Replace('/', ':');
}

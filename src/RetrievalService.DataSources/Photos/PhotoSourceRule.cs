namespace RetrievalService.DataSources.Photos;

/// <summary>Which raster images of one unpacked package belong to the pool.</summary>
internal sealed record PhotoSourceRule(
    string Package,
    string Folder,
    bool Recursive = false,
    string? LargestPerFolderOf = null,
    string? Include = null,
    string? Exclude = null)
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    public IEnumerable<string> Select(string debsDir)
    {
        var packageDir = Path.Combine(debsDir, Package);
        if (!File.Exists(Path.Combine(packageDir, ".unpacked")))
        {
            throw new DirectoryNotFoundException($"Package '{Package}' is not unpacked under '{debsDir}': run scripts/fetch-photos.sh.");
        }
        var folder = Path.Combine(packageDir, Folder);
        var files = Directory.EnumerateFiles(folder, "*", Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => Include is null || Path.GetFileName(f).Contains(Include, StringComparison.Ordinal))
            .Where(f => Exclude is null || !Path.GetFileName(f).Contains(Exclude, StringComparison.Ordinal));
        return LargestPerFolderOf is null ? files : LargestPerWallpaper(files);
    }

    // KDE ships each wallpaper at several resolutions (and dark variants); one copy per wallpaper keeps
    // the pool free of near-duplicates.
    private IEnumerable<string> LargestPerWallpaper(IEnumerable<string> files) =>
        files.Where(f => Path.GetDirectoryName(f)!.Replace('\\', '/').EndsWith(LargestPerFolderOf!, StringComparison.Ordinal))
            .GroupBy(Path.GetDirectoryName)
            .Select(group => group.MaxBy(f => new FileInfo(f).Length)!);
}

namespace RetrievalService.DataSources.Qt;

/// <summary>
/// Writes the files of Qt resource bundles (<see cref="QtResourceBundle"/>) to disk, each bundle into a folder named
/// after it (<c>paintings.rcc</c> → <c>&lt;out&gt;/paintings/…</c>), so <c>add-distractors</c> can take them like any
/// unpacked package folder.
/// </summary>
public static class QtResourceUnpacker
{
    /// <summary>Unpacks <paramref name="bundlePath"/> into <c>&lt;outDir&gt;/&lt;bundle name&gt;/</c>, replacing that folder.</summary>
    /// <param name="bundlePath">An <c>.rcc</c> file.</param>
    /// <param name="outDir">Parent of the bundle's folder.</param>
    /// <param name="unsupported">Files not written, each with its reason.</param>
    /// <returns>The number of files written.</returns>
    /// <exception cref="InvalidDataException">The bundle is damaged, or a path in it would leave its folder.</exception>
    public static int Unpack(string bundlePath, string outDir, ICollection<string> unsupported)
    {
        ArgumentNullException.ThrowIfNull(unsupported);
        var notRead = new List<string>();
        IReadOnlyList<QtResourceFile> files;
        try
        {
            files = QtResourceBundle.Read(File.ReadAllBytes(bundlePath), notRead);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{bundlePath}: {e.Message}", e);
        }
        var root = Path.GetFullPath(Path.Combine(outDir, Path.GetFileNameWithoutExtension(bundlePath)));
        // Check every path before writing anything, so a bad bundle leaves no half-written folder.
        var targets = files.Select(f => (File: f, Target: Target(root, f.Path, bundlePath))).ToList();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        foreach (var (file, target) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, file.Content);
        }
        foreach (var reason in notRead)
        {
            unsupported.Add($"{bundlePath}: {reason}");
        }
        return targets.Count;
    }

    // A crafted name such as "../../x" must not write outside the bundle's folder.
    private static string Target(string root, string path, string bundlePath)
    {
        var target = Path.GetFullPath(Path.Combine(root, path));
        // Also catches rooted and empty paths: the first resolves elsewhere, the second to the folder itself.
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{bundlePath}: resource path '{path}' would be written outside {root}.");
        }
        return target;
    }
}

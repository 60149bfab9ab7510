namespace RetrievalService.Training.Tests.Support;

/// <summary>Copies a folder's files, sub-folders included, e.g. one dataset's split as another's <c>val/</c>.</summary>
internal static class FolderCopy
{
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

using System.Formats.Tar;
using System.IO.Compression;

namespace RetrievalService.DataSources.Npm;

/// <summary>Extracts a .tgz into a folder, refusing entries that would land outside it.</summary>
public static class TarballExtractor
{
    /// <summary>Extracts regular files and directories; links and devices are skipped (npm tarballs have none).</summary>
    public static async Task ExtractAsync(string tarballPath, string targetDir, CancellationToken ct)
    {
        var root = Path.GetFullPath(targetDir) + Path.DirectorySeparatorChar;
        await using var file = File.OpenRead(tarballPath);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            var destination = Path.GetFullPath(Path.Combine(root, entry.Name));
            // A crafted "../" name must not write outside the target (zip-slip).
            if (!destination.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Tarball entry '{entry.Name}' escapes the extraction folder.");
            }
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(destination);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    await entry.ExtractToFileAsync(destination, overwrite: true, ct);
                    break;
            }
        }
    }
}

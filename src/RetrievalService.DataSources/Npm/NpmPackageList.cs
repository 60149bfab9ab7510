namespace RetrievalService.DataSources.Npm;

/// <summary>A list of pinned npm packages: <c>name version sha512-…</c> per line; blank lines and <c>#</c> comments (whole lines or after a pin) skipped.</summary>
public static class NpmPackageList
{
    /// <summary>The packages in file order; a malformed line is refused with its file and line number.</summary>
    public static IReadOnlyList<NpmPackage> Read(string path) =>
        [.. File.ReadLines(path)
            .Select((line, index) => (Fields: StripComment(line).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), Number: index + 1))
            .Where(l => l.Fields.Length > 0)
            .Select(l => l.Fields is [var name, var version, var integrity] && integrity.StartsWith("sha512-", StringComparison.Ordinal)
                ? new NpmPackage(name, version, integrity)
                : throw new InvalidDataException($"{path}:{l.Number}: expected 'name version sha512-…', got '{string.Join(' ', l.Fields)}'."))];

    private static string StripComment(string line) => line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line;
}

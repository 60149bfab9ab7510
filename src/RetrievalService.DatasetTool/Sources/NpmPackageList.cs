using RetrievalService.ModelPipeline.Sources;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>A list of pinned npm packages: <c>name version sha512-…</c> per line; blank lines and <c>#</c> comments skipped.</summary>
public static class NpmPackageList
{
    /// <summary>The packages in file order; a malformed line is refused with its file and line number.</summary>
    public static IReadOnlyList<NpmPackage> Read(string path) =>
        [.. File.ReadLines(path)
            .Select((line, index) => (Fields: line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), Number: index + 1))
            .Where(l => l.Fields.Length > 0 && !l.Fields[0].StartsWith('#'))
            .Select(l => l.Fields is [var name, var version, var integrity] && integrity.StartsWith("sha512-", StringComparison.Ordinal)
                ? new NpmPackage(name, version, integrity)
                : throw new InvalidDataException($"{path}:{l.Number}: expected 'name version sha512-…', got '{string.Join(' ', l.Fields)}'."))];
}

using System.Text.Json;
using System.Text.Json.Serialization;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Reporting;

/// <summary>
/// The machine-readable report of an <c>index</c> run (<c>--report</c>); format in docs/indexing.md. <c>Shard</c> is null
/// when the whole input was indexed, and the counts and items are the shard's alone when it is not.
/// </summary>
internal sealed record IndexReport(
    string Teacher,
    string Input,
    InputShard? Shard,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double Seconds,
    bool Completed,
    string? Error,
    ReportCounts Counts,
    double ImagesPerSecond,
    IReadOnlyList<ReportEntry> Items)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter<IndexItemStatus>(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes to a temporary file and renames it, so a reader never sees half a report.</summary>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>
    /// Makes sure, before any work, that <see cref="Write"/> will be able to write to <paramref name="path"/>: a run whose
    /// report fails at the end has done its work for nothing the operator can read. Creates the report's folder.
    /// </summary>
    /// <exception cref="UnusablePathException">The path is empty text or a folder, or its folder cannot be created or written to.</exception>
    public static void CheckWritable(string path)
    {
        if (path.Length == 0)
        {
            throw new UnusablePathException("--report is an empty string; give the report file's path.");
        }
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UnusablePathException($"The report '{path}' cannot be written: it is a folder; give a file name.");
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (File.Create(full + ".tmp", 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnusablePathException($"The report '{path}' cannot be written: {e.Message}", e);
        }
    }
}

/// <summary>
/// Totals of a run; <c>Total</c> counts every file and bad manifest line given. <c>ThumbnailsAdded</c> counts rows indexed
/// before thumbnails that got theirs (they are also among <c>Unchanged</c>, or <c>Stored</c> when their metadata changed).
/// </summary>
internal sealed record ReportCounts(int Total, int Stored, int Unchanged, int Rejected, int ThumbnailsAdded);

namespace RetrievalService.DatasetTool.Output;

/// <summary>
/// <c>build.json</c> beside the split folders: what was built, from which sources and with which settings.
/// Holds no time or machine data, so rebuilding with the same seed writes the same bytes.
/// </summary>
public sealed record BuildManifest(
    string Dataset,
    string ToolVersion,
    int Seed,
    IReadOnlyList<SourceRecord> Sources,
    SortedDictionary<string, string> Settings,
    IReadOnlyList<SplitCounts> Splits,
    IReadOnlyList<string> Skipped)
{
    /// <summary>File name beside the split folders.</summary>
    public const string FileName = "build.json";

    /// <summary>Changes whenever a builder's output changes for the same sources and seed.</summary>
    public const string CurrentToolVersion = "1.0.0";
}

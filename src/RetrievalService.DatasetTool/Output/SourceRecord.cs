using System.Text.Json.Serialization;

namespace RetrievalService.DatasetTool.Output;

/// <summary>A registry package the dataset was built from.</summary>
/// <param name="Registry">"npm" or "debian".</param>
/// <param name="Name">Package name.</param>
/// <param name="Version">Package version (Debian: from the package's changelog).</param>
/// <param name="Integrity">npm <c>dist.integrity</c>; null for Debian packages (pinned by version).</param>
public sealed record SourceRecord(
    string Registry,
    string Name,
    string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Integrity = null);

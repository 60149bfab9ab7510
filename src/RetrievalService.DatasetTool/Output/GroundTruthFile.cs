using System.Text.Json.Serialization;

namespace RetrievalService.DatasetTool.Output;

/// <summary>
/// <c>gnd.json</c> of one split, the revisited Oxford/Paris ground truth layout: gallery names, query names
/// (separate files, never in <c>imlist</c>) and one <see cref="QueryTruth"/> per query.
/// </summary>
public sealed record GroundTruthFile(
    [property: JsonPropertyName("imlist")] IReadOnlyList<string> ImList,
    [property: JsonPropertyName("qimlist")] IReadOnlyList<string> QimList,
    [property: JsonPropertyName("gnd")] IReadOnlyList<QueryTruth> Gnd)
{
    /// <summary>File name inside a split folder.</summary>
    public const string FileName = "gnd.json";

    /// <summary>Every violation of the format, empty when the file is valid.</summary>
    public IReadOnlyList<string> Problems() => GroundTruthChecks.Find(this);

    /// <summary>Throws <see cref="InvalidDataException"/> listing the first problems.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"Invalid ground truth ({problems.Count} problems): {string.Join("; ", problems.Take(5))}");
        }
    }
}

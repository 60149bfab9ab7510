using System.Text.Json.Serialization;

namespace RetrievalService.DatasetTool.Output;

/// <summary>One <c>gnd</c> entry: 0-based indices into <c>imlist</c>, ascending, and an optional query box.</summary>
public sealed record QueryTruth(
    [property: JsonPropertyName("easy")] IReadOnlyList<int> Easy,
    [property: JsonPropertyName("hard")] IReadOnlyList<int> Hard,
    [property: JsonPropertyName("junk")] IReadOnlyList<int> Junk,
    [property: JsonPropertyName("bbx")] IReadOnlyList<double>? Bbx);

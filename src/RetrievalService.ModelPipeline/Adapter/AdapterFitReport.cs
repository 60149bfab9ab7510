using System.Text.Json.Serialization;

namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>What a fit produced and measured; saved next to the adapter weights and quoted in the student manifest.</summary>
public sealed record AdapterFitReport
{
    [JsonIgnore]
    public LinearMap? Map { get; init; }

    public required double Lambda { get; init; }
    public required IReadOnlyDictionary<string, double> ValidationCosineByLambda { get; init; }
    public required int FittingPhotos { get; init; }
    public required int FittingViews { get; init; }
    public required int HeldOutPhotos { get; init; }
    public required CompatibilityMetrics HeldOutAllViews { get; init; }
    public required CompatibilityMetrics HeldOutWholeImages { get; init; }

    /// <summary>Pool files that could not be decoded (key and reason).</summary>
    public IReadOnlyList<string> SkippedPhotos { get; init; } = [];

    /// <summary>Free-form context: data, settings, models and machine, filled in by the caller.</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = new Dictionary<string, string>();
}

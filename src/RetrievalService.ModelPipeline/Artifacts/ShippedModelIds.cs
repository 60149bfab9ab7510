namespace RetrievalService.ModelPipeline.Artifacts;

/// <summary>
/// Ids of the committed models that tools writing new models (the trainer, model-tool's quantize and average) must
/// never overwrite: the teachers, the shipped linear student and the training start point.
/// </summary>
public static class ShippedModelIds
{
    /// <summary>An id that starts with one of these names a shipped model.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["student-mnv2-linear", "student-mnv2-convhead-init", "teacher-"];

    /// <summary>Whether <paramref name="id"/> names a shipped model.</summary>
    public static bool IsShipped(string id) => Prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The message for an <paramref name="option"/> refused by <see cref="IsShipped"/>.</summary>
    public static string Refusal(string option, string id) => $"{option} '{id}' would overwrite a shipped model ({string.Join(", ", Prefixes)}…)";
}

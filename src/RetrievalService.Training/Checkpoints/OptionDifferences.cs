using System.Text.Json;
using RetrievalService.Training.Loop;

namespace RetrievalService.Training.Checkpoints;

/// <summary>Names the options in which two runs differ, for a <c>--resume</c> error a user can act on.</summary>
internal static class OptionDifferences
{
    public static IReadOnlyList<string> Between(TrainingOptions stored, TrainingOptions current)
    {
        var before = JsonSerializer.SerializeToElement(stored, TrainingJson.Lines);
        var after = JsonSerializer.SerializeToElement(current, TrainingJson.Lines);
        return before.EnumerateObject()
            .Where(property => !after.TryGetProperty(property.Name, out var value) || value.GetRawText() != property.Value.GetRawText())
            .Select(property => $"{property.Name} ({property.Value.GetRawText()} → {(after.TryGetProperty(property.Name, out var value) ? value.GetRawText() : "absent")})")
            .ToList();
    }
}

using System.Text.Json;
using RetrievalService.Training.Checkpoints;

namespace RetrievalService.Training.Loop;

/// <summary>Appends one JSON object per epoch to <c>metrics.jsonl</c> in the run folder.</summary>
public sealed class MetricsLog(string path)
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "metrics.jsonl";

    /// <summary>Absolute path of the log.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends <paramref name="metrics"/> as one line.</summary>
    public void Append(EpochMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        File.AppendAllText(Path, JsonSerializer.Serialize(metrics, TrainingJson.Lines) + "\n");
    }
}

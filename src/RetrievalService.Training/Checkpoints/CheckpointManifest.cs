using System.Text.Json.Serialization;
using RetrievalService.Training.Loop;

namespace RetrievalService.Training.Checkpoints;

/// <summary>
/// <c>checkpoint.json</c>: the hyper-parameters of a run and where it stands. Written last after every epoch,
/// so it only ever names weight files that are complete.
/// </summary>
public sealed record CheckpointManifest
{
    /// <summary>Bumped when the weight files' layout changes: 2 names its files in <see cref="Files"/>; 1 used fixed names.</summary>
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The options the run was started with (the CLI's, paths as given).</summary>
    public required TrainingOptions Options { get; init; }

    /// <summary>SHA-256 of the initial student's ONNX file.</summary>
    public required string InitSha256 { get; init; }

    /// <summary>SHA-256 of the teacher's ONNX file.</summary>
    public required string TeacherSha256 { get; init; }

    /// <summary>Epochs trained so far (0: only the initial validation).</summary>
    public required int CompletedEpochs { get; init; }

    /// <summary>The epoch whose weights are in the best-student file (0: the initial weights).</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Validation scores of <see cref="BestEpoch"/>.</summary>
    public required Validation.ValidationScores BestValidation { get; init; }

    /// <summary>The selection actually used.</summary>
    public required SelectionMode Selection { get; init; }

    /// <summary>Seconds spent in epochs so far (training, mining, validation), summed over resumptions.</summary>
    public required double Seconds { get; init; }

    /// <summary>Optimizer steps folded into the weight average so far (0 without <c>--ema</c>); its warm-up depends on it.</summary>
    public long AverageUpdates { get; init; }

    /// <summary>The weight files of this checkpoint; null in format 1, whose names were fixed.</summary>
    public CheckpointFiles? Files { get; init; }

    /// <summary>The files to load: <see cref="Files"/>, or format 1's fixed names.</summary>
    [JsonIgnore]
    public CheckpointFiles WeightFiles => Files ?? CheckpointFiles.Format1;

    public DateTimeOffset SavedAt { get; init; } = DateTimeOffset.UtcNow;
}

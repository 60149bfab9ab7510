using System.Text.Json;
using RetrievalService.Training.Loop;
using RetrievalService.Training.OnnxBridge;

namespace RetrievalService.Training.Checkpoints;

/// <summary>
/// The run folder's checkpoint: the last student and Adam state (for <c>--resume</c>), the best student
/// (for the export), and <c>checkpoint.json</c>. Each file is written to a temporary name and renamed; the
/// manifest goes last, so a crash mid-save leaves the previous epoch's checkpoint usable.
/// </summary>
public sealed class CheckpointStore(string runDirectory)
{
    /// <summary>The run folder.</summary>
    public string Directory { get; } = Path.GetFullPath(runDirectory);

    /// <summary><c>checkpoint.json</c>.</summary>
    public string ManifestPath => Path.Combine(Directory, "checkpoint.json");

    /// <summary>Weights after the last completed epoch (TorchSharp state dict, by ONNX-derived names).</summary>
    public string LastStudentPath => Path.Combine(Directory, "checkpoint", "student-last.bin");

    /// <summary>Adam state after the last completed epoch.</summary>
    public string LastOptimizerPath => Path.Combine(Directory, "checkpoint", "optimizer-last.bin");

    /// <summary>The weight average after the last completed epoch, when the run averages (<c>--ema</c>).</summary>
    public string LastAveragePath => Path.Combine(Directory, "checkpoint", "average-last.bin");

    /// <summary>Weights of the best epoch so far (with <c>--ema</c>, its weight average: what was validated).</summary>
    public string BestStudentPath => Path.Combine(Directory, "checkpoint", "student-best.bin");

    /// <summary>Whether the folder holds a checkpoint.</summary>
    public bool Exists => File.Exists(ManifestPath);

    /// <summary>
    /// Fails fast, before any model is loaded, when the folder does not fit the request: a new run into a folder
    /// that holds one, or a resumption with other hyper-parameters (only epochs, threads, id, models and cache
    /// folders may change).
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder does not fit; the message says what to change.</exception>
    public void Check(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Resume)
        {
            if (Exists)
            {
                throw new InvalidOperationException($"'{Directory}' already holds a run: pass --resume to continue it, or choose another --out.");
            }
            return;
        }
        var differences = OptionDifferences.Between(LoadManifest().Options.HyperParameters(), options.HyperParameters());
        if (differences.Count > 0)
        {
            throw new InvalidOperationException(
                $"--resume: the settings differ from the checkpoint's in {string.Join(", ", differences)}; resume with the same settings (only --epochs, --threads, --id, --models-dir and --cache-dir may change).");
        }
    }

    /// <summary>
    /// Saves the state after an epoch; <paramref name="isBest"/> also replaces the best weights: the trained
    /// weights, or their <paramref name="average"/> when the run keeps one (the average is what was validated).
    /// </summary>
    public void Save(OnnxModule student, StudentOptimizer optimizer, WeightAverage? average, CheckpointManifest manifest, bool isBest)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(optimizer);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(LastStudentPath)!);
        Replace(LastStudentPath, temporary => student.save(temporary));
        Replace(LastOptimizerPath, optimizer.Save);
        if (average is not null)
        {
            Replace(LastAveragePath, average.Save);
        }
        if (isBest)
        {
            Replace(BestStudentPath, temporary => File.Copy(average is null ? LastStudentPath : LastAveragePath, temporary, overwrite: true));
        }
        Replace(ManifestPath, temporary => File.WriteAllText(temporary, JsonSerializer.Serialize(manifest, TrainingJson.Indented) + "\n"));
    }

    /// <summary>Reads <c>checkpoint.json</c>.</summary>
    /// <exception cref="InvalidDataException">It is missing, malformed or of another format.</exception>
    public CheckpointManifest LoadManifest()
    {
        if (!Exists)
        {
            throw new InvalidDataException($"'{ManifestPath}' does not exist: nothing to resume; drop --resume to start a new run.");
        }
        var manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(ManifestPath), TrainingJson.Indented)
            ?? throw new InvalidDataException($"'{ManifestPath}' is empty.");
        return manifest.Format == CheckpointManifest.CurrentFormat ? manifest
            : throw new InvalidDataException($"'{ManifestPath}' has format {manifest.Format}; this trainer reads {CheckpointManifest.CurrentFormat}.");
    }

    /// <summary>
    /// Loads the last weights and Adam state into a freshly built student and optimizer, and the weight average
    /// (after <paramref name="averageUpdates"/> updates) when the run keeps one.
    /// </summary>
    public void RestoreLast(OnnxModule student, StudentOptimizer optimizer, WeightAverage? average, long averageUpdates)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(optimizer);
        student.load(LastStudentPath);
        optimizer.Load(LastOptimizerPath);
        average?.Load(LastAveragePath, averageUpdates);
    }

    /// <summary>Loads the best weights into <paramref name="student"/>.</summary>
    public void RestoreBest(OnnxModule student)
    {
        ArgumentNullException.ThrowIfNull(student);
        student.load(BestStudentPath);
    }

    private static void Replace(string path, Action<string> write)
    {
        var temporary = path + ".tmp";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}

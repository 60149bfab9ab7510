using System.Text.Json;
using RetrievalService.Training.Loop;
using RetrievalService.Training.OnnxBridge;

namespace RetrievalService.Training.Checkpoints;

/// <summary>
/// The run folder's checkpoint: the last student and Adam state (for <c>--resume</c>), the best student
/// (for the export), and <c>checkpoint.json</c>, which names them (<see cref="CheckpointFiles"/>). Each save
/// writes files named by its epoch, then the manifest (to a temporary name, renamed), then removes the files
/// the manifest no longer names; so a save stopped at any point leaves a manifest whose files all belong to it.
/// </summary>
public sealed class CheckpointStore(string runDirectory)
{
    /// <summary>The run folder.</summary>
    public string Directory { get; } = Path.GetFullPath(runDirectory);

    /// <summary><c>checkpoint.json</c>.</summary>
    public string ManifestPath => Path.Combine(Directory, "checkpoint.json");

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
        ArgumentNullException.ThrowIfNull(manifest);
        var previousBest = isBest ? null
            : (Exists ? LoadManifest().WeightFiles.BestStudent : throw new InvalidOperationException("The first checkpoint of a run must hold its best weights."));
        var files = CheckpointFiles.ForEpoch(manifest.CompletedEpochs, average is not null, previousBest);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(PathOf(files.Student))!);
        Replace(PathOf(files.Student), temporary => student.save(temporary));
        Replace(PathOf(files.Optimizer), optimizer.Save);
        if (average is not null)
        {
            Replace(PathOf(files.Average!), average.Save);
        }
        if (isBest)
        {
            Replace(PathOf(files.BestStudent), temporary => File.Copy(PathOf(files.Average ?? files.Student), temporary, overwrite: true));
        }
        Replace(ManifestPath, temporary => File.WriteAllText(temporary, JsonSerializer.Serialize(manifest with { Format = CheckpointManifest.CurrentFormat, Files = files }, TrainingJson.Indented) + "\n"));
        RemoveFilesOtherThan(files);
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
        return manifest.Format is 1 or CheckpointManifest.CurrentFormat ? manifest
            : throw new InvalidDataException($"'{ManifestPath}' has format {manifest.Format}; this trainer reads 1 to {CheckpointManifest.CurrentFormat}.");
    }

    /// <summary>
    /// Loads the last weights and Adam state into a freshly built student and optimizer, and the weight average
    /// (after <paramref name="averageUpdates"/> updates) when the run keeps one.
    /// </summary>
    public void RestoreLast(OnnxModule student, StudentOptimizer optimizer, WeightAverage? average, long averageUpdates)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(optimizer);
        var files = LoadManifest().WeightFiles;
        student.load(PathOf(files.Student));
        optimizer.Load(PathOf(files.Optimizer));
        average?.Load(PathOf(files.Average ?? throw new InvalidDataException($"'{ManifestPath}' names no weight average to resume.")), averageUpdates);
    }

    /// <summary>Loads the best weights into <paramref name="student"/>.</summary>
    public void RestoreBest(OnnxModule student)
    {
        ArgumentNullException.ThrowIfNull(student);
        student.load(PathOf(LoadManifest().WeightFiles.BestStudent));
    }

    /// <summary>The absolute path of a file a manifest names.</summary>
    public string PathOf(string checkpointFile) => Path.Combine(Directory, checkpointFile);

    // Files of earlier epochs, of a save stopped before its manifest, and format 1's fixed names.
    private void RemoveFilesOtherThan(CheckpointFiles files)
    {
        var kept = files.All().Select(PathOf).ToHashSet(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.GetDirectoryName(PathOf(files.Student))!))
        {
            if (!kept.Contains(file))
            {
                File.Delete(file);
            }
        }
    }

    private static void Replace(string path, Action<string> write)
    {
        var temporary = path + ".tmp";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}

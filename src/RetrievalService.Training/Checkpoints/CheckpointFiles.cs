namespace RetrievalService.Training.Checkpoints;

/// <summary>
/// The weight files one <c>checkpoint.json</c> belongs to, relative to the run folder. Each save writes new files
/// named by its epoch and only then the manifest that names them, so the manifest never points at weights of
/// another epoch, whatever point a save is stopped at.
/// </summary>
/// <param name="Student">Weights after the last completed epoch.</param>
/// <param name="Optimizer">Adam state after the last completed epoch.</param>
/// <param name="Average">The weight average after the last completed epoch, when the run keeps one.</param>
/// <param name="BestStudent">Weights of the best epoch (with an average, the average: what was validated).</param>
public sealed record CheckpointFiles(string Student, string Optimizer, string? Average, string BestStudent)
{
    private const string Folder = "checkpoint";

    /// <summary>The fixed names of format 1, which replaced its files in place one by one.</summary>
    public static CheckpointFiles Format1 { get; } = new(
        Path.Combine(Folder, "student-last.bin"), Path.Combine(Folder, "optimizer-last.bin"), Path.Combine(Folder, "average-last.bin"),
        Path.Combine(Folder, "student-best.bin"));

    /// <summary>The names of the files saved after <paramref name="epoch"/>; the best file is <paramref name="bestStudent"/>.</summary>
    public static CheckpointFiles ForEpoch(int epoch, bool withAverage, string? bestStudent) => new(
        Named("student", epoch), Named("optimizer", epoch), withAverage ? Named("average", epoch) : null, bestStudent ?? Named("student-best", epoch));

    /// <summary>All files named, for removing the ones no manifest names any more.</summary>
    public IEnumerable<string> All() => new[] { Student, Optimizer, Average, BestStudent }.OfType<string>();

    private static string Named(string kind, int epoch) =>
        Path.Combine(Folder, $"{kind}-epoch{epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)}.bin");
}

using System.Text.Json;
using RetrievalService.Trainer;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Trainer;

/// <summary>
/// One real <c>trainer train</c> run, in-process, shared by the smoke tests: the real init student and teacher
/// on the tiny generated dataset at 64 px, 1 epoch of 4 tuples, one thread. Tests that change a run work on
/// a copy of its folder.
/// </summary>
public sealed class TinyRunFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public TinyRunFixture()
    {
        TorchTestSetup.Ensure();
        TinyTrainingDataset.Write(Dataset);
        ExitCode = TrainerApp.RunAsync(Arguments(RunFolder, epochs: 1)).GetAwaiter().GetResult();
    }

    public string Dataset => folder.Combine("data");

    public string RunFolder => folder.Combine("run");

    /// <summary>Where the fixture's run exports; every other run exports beside its own folder, so none overwrites it.</summary>
    public string ModelsFolder => ModelsFolderOf(RunFolder);

    public int ExitCode { get; }

    /// <summary>The CLI arguments of the tiny run into <paramref name="runFolder"/>, plus <paramref name="extra"/>.</summary>
    public string[] Arguments(string runFolder, int epochs, params string[] extra) =>
    [
        "train", "--dataset", Dataset,
        "--init", RepoPaths.RequireModel("student-mnv2-convhead-init.manifest.json"),
        "--teacher", RepoPaths.RequireModel("teacher-resnet18-gem.manifest.json"),
        "--loss", "asym-contrastive", "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--tuples-per-epoch", "4", "--batch", "2", "--size", "64", "--seed", "0", "--threads", "1",
        "--out", runFolder, "--models-dir", ModelsFolderOf(runFolder), "--cache-dir", folder.Combine("cache"), "--id", "smoke-student",
        .. extra,
    ];

    private static string ModelsFolderOf(string runFolder) => runFolder + ".models";

    /// <summary>A copy of the run folder that a test may resume or break.</summary>
    public string CopyRun()
    {
        var copy = folder.Combine("run-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(RunFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RunFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public static JsonElement ReadCheckpoint(string runFolder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "checkpoint.json"))).RootElement.Clone();

    /// <summary>The path of the weight file that <c>checkpoint.json</c> names as <paramref name="role"/> (student, optimizer, average, bestStudent).</summary>
    public static string CheckpointFile(string runFolder, string role) =>
        Path.Combine(runFolder, ReadCheckpoint(runFolder).GetProperty("files").GetProperty(role).GetString()!);

    public static IReadOnlyList<JsonElement> ReadMetrics(string runFolder) =>
        [.. File.ReadAllLines(Path.Combine(runFolder, "metrics.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public void Dispose() => folder.Dispose();
}

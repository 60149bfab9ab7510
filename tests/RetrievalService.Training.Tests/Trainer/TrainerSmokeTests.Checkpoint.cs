using RetrievalService.Trainer;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Trainer;

public sealed partial class TrainerSmokeTests
{
    [Fact]
    public async Task A_save_stopped_after_the_weights_but_before_checkpoint_json_resumes_from_the_epoch_the_json_names()
    {
        Assert.Equal(0, run.ExitCode);
        var (clean, interrupted) = (run.CopyRun(), run.CopyRun());
        // A folder where the manifest's temporary file goes makes the epoch 2 save fail once its weights are written.
        var blocker = Directory.CreateDirectory(Path.Combine(interrupted, "checkpoint.json.tmp"));

        Assert.NotEqual(0, await TrainerApp.RunAsync(run.Arguments(interrupted, epochs: 2, "--resume")));
        Assert.Equal(1, TinyRunFixture.ReadCheckpoint(interrupted).GetProperty("completedEpochs").GetInt32());
        blocker.Delete();
        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(interrupted, epochs: 2, "--resume")));
        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(clean, epochs: 2, "--resume")));

        long[] shape = [1, 3, 64, 64];
        var input = SyntheticInputs.Images(seed: 7, shape);
        Assert.Equal(0, TorchRunner.MaxAbsDiff(RunCheckpoint(clean, "student", input, shape), RunCheckpoint(interrupted, "student", input, shape)));
        Assert.Equal(["checkpoint.json", "metrics.jsonl"], Directory.EnumerateFiles(interrupted).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(interrupted, "checkpoint")).Count());
    }
}

using System.CommandLine;
using RetrievalService.Cli;
using RetrievalService.Trainer.Output;
using RetrievalService.Training.Export;
using RetrievalService.Training.Checkpoints;
using RetrievalService.Training.Loop;

namespace RetrievalService.Trainer.Commands;

/// <summary><c>train</c>: one run from an initial student to an exported best student.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var options = new TrainCommandOptions();
        var command = new Command("train",
            "Train a student against a frozen teacher: mine with the current student each epoch, validate asymmetric mAP on val, checkpoint, export the best epoch.");
        options.AddTo(command);
        command.SetAction((parse, ct) => TrainerErrors.GuardAsync(async () =>
        {
            var training = options.ToTrainingOptions(parse, ReproducingCommand.Describe("--project src/RetrievalService.Trainer -c Release", parse));
            try
            {
                var (final, exported) = await SpectreTrainingObserver.RunAsync<(CheckpointManifest, ExportedStudent)>(async observer =>
                {
                    using var session = await TrainingSession.OpenAsync(training, observer, ct);
                    var state = new Training.Loop.Trainer(session, observer).Run(ct);
                    return (state, StudentExporter.Export(session, state));
                });
                await Console.Error.WriteLineAsync(
                    $"train: best epoch {final.BestEpoch} of {final.CompletedEpochs}, validation asymmetric Medium mAP {final.BestValidation.Asymmetric.Medium:P2}, " +
                    $"{final.Seconds:0} s; export checked against the module (max |Δ| {exported.MaxAbsDifference:E1})");
                Console.WriteLine(exported.ManifestPath);
                return 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C or SIGTERM: the last completed epoch is checkpointed. A distinct code lets wrappers such as
                // scripts/results/lib-train.sh tell a requested stop from a crash, which they resume.
                return TrainerErrors.Fail(CommandErrors.Interrupted,
                    $"stopped on request; the last completed epoch is checkpointed in {training.OutputDirectory} (continue with --resume).");
            }
        }));
        return command;
    }
}

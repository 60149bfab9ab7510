using RetrievalService.Cli;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Trainer.Commands;

/// <summary>
/// The trainer's failures a user can fix on top of every tool's: options (argument and state checks of the training
/// options), dataset, image and checkpoint.
/// </summary>
internal static class TrainerErrors
{
    private static readonly CommandErrors Errors = new("trainer", CommandFailure.Input(e => e is ArgumentException
        or InvalidOperationException or InvalidDataException or DatasetFormatException or DatasetInvalidException
        or ImageEmbeddingException));

    public static Task<int> GuardAsync(Func<Task<int>> action) => Errors.GuardAsync(action);

    public static int Fail(int exitCode, string message) => Errors.Fail(exitCode, message);
}

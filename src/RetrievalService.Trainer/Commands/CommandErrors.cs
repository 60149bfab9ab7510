using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Trainer.Commands;

/// <summary>Turns the failures a user can fix (options, dataset, model, image, checkpoint) into a message and exit code 2.</summary>
internal static class CommandErrors
{
    public const int InputError = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, the shell's convention).</summary>
    public const int Stopped = 130;

    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException
            or DatasetFormatException or DatasetInvalidException or ImageEmbeddingException or ModelRejectedException
            or InvalidModelManifestException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync($"trainer: {e.Message}");
            return InputError;
        }
    }
}

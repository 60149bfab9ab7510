using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Trainer.Commands;

/// <summary>Turns the failures a user can fix (options, dataset, model, image, checkpoint) into a message and exit code 2.</summary>
internal static class CommandErrors
{
    public const int InputError = 2;

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

using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Significance;

namespace RetrievalService.Evaluator.Commands;

/// <summary>Turns the failures a user can fix (bad dataset, model or image) into a message and exit code 2.</summary>
internal static class CommandErrors
{
    public const int InputError = 2;

    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is DatasetFormatException or DatasetInvalidException or ImageEmbeddingException
            or ReportInputException or ModelRejectedException or InvalidModelManifestException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync($"evaluator: {e.Message}");
            return InputError;
        }
    }
}

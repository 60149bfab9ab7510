using RetrievalService.Cli;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Significance;

namespace RetrievalService.Evaluator.Commands;

/// <summary>The evaluator's failures a user can fix (bad dataset, image or report) on top of every tool's.</summary>
internal static class EvaluatorErrors
{
    private static readonly CommandErrors Errors = new("evaluator", CommandFailure.Input(e => e is DatasetFormatException
        or DatasetInvalidException or ImageEmbeddingException or ReportInputException or EvaluatorInputException));

    public static Task<int> GuardAsync(Func<Task<int>> action) => Errors.GuardAsync(action);
}

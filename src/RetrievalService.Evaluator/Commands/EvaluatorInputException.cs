namespace RetrievalService.Evaluator.Commands;

/// <summary>An option value the evaluator checks before any model loads; reported as one line with exit code 2.</summary>
internal sealed class EvaluatorInputException(string message) : Exception(message);

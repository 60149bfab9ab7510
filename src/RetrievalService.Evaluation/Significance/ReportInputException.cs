namespace RetrievalService.Evaluation.Significance;

/// <summary>A report cannot be read, holds no such row, or does not match the dataset or the other report.</summary>
public sealed class ReportInputException(string message, Exception? inner = null) : Exception(message, inner);

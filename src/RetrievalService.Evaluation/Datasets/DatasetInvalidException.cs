namespace RetrievalService.Evaluation.Datasets;

/// <summary>A dataset with at least one error-level <see cref="DatasetProblem"/>; the message lists them all.</summary>
public sealed class DatasetInvalidException(IReadOnlyList<DatasetProblem> problems)
    : Exception($"The dataset has {problems.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems))
{
    /// <summary>The error-level problems.</summary>
    public IReadOnlyList<DatasetProblem> Problems { get; } = problems;
}

namespace RetrievalService.Evaluation.Datasets;

/// <summary>How bad a <see cref="DatasetProblem"/> is.</summary>
public enum ProblemSeverity
{
    /// <summary>The dataset can still be evaluated; the message says what the protocol does about it.</summary>
    Warning,

    /// <summary>The dataset cannot be evaluated until this is fixed.</summary>
    Error,
}

/// <summary>One finding of <see cref="DatasetValidator"/>, naming the file and the entry.</summary>
public sealed record DatasetProblem(ProblemSeverity Severity, string File, string Entry, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {File}: {Entry}: {Message}";
}

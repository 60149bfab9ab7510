namespace RetrievalService.Evaluation.Running;

/// <summary>What a run reports while it works: phases with a known number of steps, and notes for the log.</summary>
public interface IEvaluationObserver
{
    /// <summary>Starts a phase of <paramref name="total"/> steps; report the number of completed steps.</summary>
    IProgress<int> BeginPhase(string description, int total);

    /// <summary>A line for the log (cache hits, warnings, timings).</summary>
    void Note(string message);
}

/// <summary>An observer that drops everything.</summary>
public sealed class SilentObserver : IEvaluationObserver
{
    /// <summary>The shared instance.</summary>
    public static readonly SilentObserver Instance = new();

    /// <inheritdoc />
    public IProgress<int> BeginPhase(string description, int total) => new Progress<int>();

    /// <inheritdoc />
    public void Note(string message)
    {
    }
}

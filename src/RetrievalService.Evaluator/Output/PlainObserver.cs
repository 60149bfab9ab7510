using RetrievalService.Evaluation.Running;
using Spectre.Console;

namespace RetrievalService.Evaluator.Output;

/// <summary>Progress as plain lines (start and end of each phase) for output that is not a terminal.</summary>
internal sealed class PlainObserver : IEvaluationObserver
{
    public IProgress<int> BeginPhase(string description, int total)
    {
        AnsiConsole.WriteLine($"{description}: {total} to do");
        return new PhaseEnd(description, total);
    }

    public void Note(string message) => AnsiConsole.WriteLine(message);

    private sealed class PhaseEnd(string description, int total) : IProgress<int>
    {
        private int done;

        public void Report(int value)
        {
            // Report once, when the phase completes, even if progress arrives from several threads.
            if (value >= total && Interlocked.Exchange(ref done, 1) == 0)
            {
                AnsiConsole.WriteLine($"{description}: done");
            }
        }
    }
}

using RetrievalService.Evaluation.Running;
using Spectre.Console;

namespace RetrievalService.Evaluator.Output;

/// <summary>Shows each embedding phase as a Spectre.Console progress bar and notes as plain lines, all on stderr.</summary>
internal sealed class SpectreObserver(ProgressContext context) : IEvaluationObserver
{
    /// <summary>
    /// Runs <paramref name="work"/> inside one live progress display on a terminal. Redirected output (CI logs,
    /// tests running the CLI in-process) gets plain lines instead: Spectre's live displays are exclusive per
    /// process, and a log has no use for redrawn bars.
    /// </summary>
    public static Task<T> RunAsync<T>(Func<IEvaluationObserver, Task<T>> work) =>
        AnsiConsole.Profile.Capabilities.Interactive ? RunLiveAsync(work) : work(new PlainObserver());

    private static Task<T> RunLiveAsync<T>(Func<IEvaluationObserver, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new SpectreObserver(context)));

    public IProgress<int> BeginPhase(string description, int total)
    {
        var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
        return new TaskProgress(task, total);
    }

    public void Note(string message) => AnsiConsole.WriteLine(message);

    private sealed class TaskProgress(ProgressTask task, int total) : IProgress<int>
    {
        public void Report(int value)
        {
            task.Value = value;
            if (value >= total)
            {
                task.StopTask();
            }
        }
    }
}

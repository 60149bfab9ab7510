using System.Globalization;
using RetrievalService.Training.Loop;
using Spectre.Console;

namespace RetrievalService.Trainer.Output;

/// <summary>Shows embedding phases and epochs as Spectre.Console progress bars (loss and images/s in the epoch's label) and one summary line per epoch, all on stderr.</summary>
internal sealed class SpectreTrainingObserver(ProgressContext context) : ITrainingObserver
{
    /// <summary>Runs <paramref name="work"/> inside one live progress display.</summary>
    public static Task<T> RunAsync<T>(Func<ITrainingObserver, Task<T>> work) =>
        // Finished bars disappear (a 20-epoch run would stack 60 of them); each epoch leaves its summary line.
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new SpectreTrainingObserver(context)));

    public IProgress<int> BeginPhase(string description, int total)
    {
        var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
        return new Progress(value =>
        {
            task.Value = value;
            if (value >= total)
            {
                task.StopTask();
            }
        });
    }

    public IProgress<TrainingProgress> BeginEpoch(int epoch, int epochs, int steps)
    {
        var label = $"epoch {epoch}/{epochs}";
        var task = context.AddTask(label, maxValue: Math.Max(1, steps));
        return new EpochProgress(step =>
        {
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{label} loss {step.MeanLoss:0.0000} · {step.ImagesPerSecond:0.00} img/s");
            task.Value = step.Step;
            if (step.Step >= step.Steps)
            {
                task.StopTask();
            }
        });
    }

    public void EpochCompleted(EpochMetrics metrics) => AnsiConsole.WriteLine(EpochLine.Format(metrics));

    public void Note(string message) => AnsiConsole.WriteLine(message);

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed class EpochProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

using RetrievalService.Evaluation.Running;

namespace RetrievalService.Training.Loop;

/// <summary>Progress of one training epoch, reported after every optimizer step.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="Steps">Steps in the epoch.</param>
/// <param name="MeanLoss">Mean batch loss so far this epoch.</param>
/// <param name="ImagesPerSecond">Student images (forward + backward) per second so far this epoch.</param>
public readonly record struct TrainingProgress(int Step, int Steps, double MeanLoss, double ImagesPerSecond);

/// <summary>What a run reports while it works: embedding phases and notes (as the evaluator's), epochs and their metrics.</summary>
public interface ITrainingObserver : IEvaluationObserver
{
    /// <summary>Starts the training phase of <paramref name="epoch"/> of <paramref name="epochs"/>.</summary>
    IProgress<TrainingProgress> BeginEpoch(int epoch, int epochs, int steps);

    /// <summary>An epoch (or the initial validation, epoch 0) is done.</summary>
    void EpochCompleted(EpochMetrics metrics);
}

using RetrievalService.Training.Validation;

namespace RetrievalService.Training.Loop;

/// <summary>One line of <c>metrics.jsonl</c>: an epoch's training and validation figures. Epoch 0 is the starting point, validated only.</summary>
/// <param name="Epoch">1-based epoch; 0 for the initial validation.</param>
/// <param name="Loss">Mean batch loss; <c>null</c> for epoch 0.</param>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="StudentImages">Images the student ran forward and backward.</param>
/// <param name="ImagesPerSecond">Training throughput (forward + backward only).</param>
/// <param name="TrainSeconds">Training phase.</param>
/// <param name="MiningSeconds">Embedding the epoch's anchors (and pool) and mining.</param>
/// <param name="ValidationSeconds">Validation.</param>
/// <param name="LearningRates">Rate per parameter group during the epoch.</param>
/// <param name="Validation">Validation mAP of the weights that are selected and exported (with <c>--ema</c>, the average).</param>
/// <param name="Best">Whether this epoch is the best so far by the selection mAP.</param>
/// <param name="TrainedWeightsValidation">With <c>--ema</c>: validation mAP of the trained weights themselves, for comparison; else <c>null</c>.</param>
public sealed record EpochMetrics(
    int Epoch,
    double? Loss,
    int Steps,
    int StudentImages,
    double ImagesPerSecond,
    double TrainSeconds,
    double MiningSeconds,
    double ValidationSeconds,
    IReadOnlyDictionary<string, double> LearningRates,
    ValidationScores Validation,
    bool Best,
    ValidationScores? TrainedWeightsValidation = null);

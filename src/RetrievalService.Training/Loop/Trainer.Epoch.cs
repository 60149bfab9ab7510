using System.Diagnostics;
using RetrievalService.Training.Checkpoints;
using RetrievalService.Training.Data;
using RetrievalService.Training.Mining;
using RetrievalService.Training.Validation;

namespace RetrievalService.Training.Loop;

public sealed partial class Trainer
{
    private CheckpointManifest RunEpoch(int epoch, CheckpointManifest state, StudentOptimizer optimizer, WeightAverage? average, EpochMiner miner)
    {
        optimizer.BeginEpoch(epoch);
        var rates = optimizer.Rates;
        var clock = Stopwatch.StartNew();
        var split = session.Splits.Train;
        (double Loss, int Steps, int Images) trained;
        double miningSeconds;
        if (options.Loss.UsesTuples())
        {
            var pairs = new TupleSampler(split.Dataset).Draw(options.TuplesPerEpoch, Seeds.For(options.Seed, epoch, "pairs"));
            var tuples = miner.Mine(session.Student, pairs, Seeds.For(options.Seed, epoch, "pool"),
                observer.BeginPhase($"epoch {epoch}: mining × student", pairs.Select(p => p.Query).Distinct().Count()));
            miningSeconds = clock.Elapsed.TotalSeconds;
            var objective = new TupleObjective(session.Student, session.Loader, split, session.TrainVectors, options.Loss, options.Margin, options.EffectiveAugmentation,
                session.ImageTargets());
            trained = Train(epoch, tuples, objective, optimizer, average);
        }
        else
        {
            var images = new ImageSampler(split.QueryJobs.Count, split.GalleryJobs.Count).Draw(options.TuplesPerEpoch, Seeds.For(options.Seed, epoch, "images"));
            miningSeconds = 0;
            var objective = new ImageObjective(session.Student, session.Loader, split, session.ImageTargets(), options.Loss, options.EffectiveAugmentation,
                options.EffectiveMixup, session.FeatureMapTeacher is { } mapTeacher ? (mapTeacher, options.FeatureMapWeight) : null);
            trained = Train(epoch, images, objective, optimizer, average);
        }
        var trainSeconds = clock.Elapsed.TotalSeconds - miningSeconds;
        // With averaging, the average is what is selected and exported; the trained weights are scored too, for the log.
        var trainedScores = average is null ? null : validator.Evaluate(session.Student, observer);
        ValidationScores scores;
        using (average?.Apply())
        {
            scores = validator.Evaluate(session.Student, observer);
        }
        var validationSeconds = clock.Elapsed.TotalSeconds - miningSeconds - trainSeconds;
        // Ties go to the later epoch: equally good on validation, and it has seen more data.
        var isBest = scores.SelectionScore(state.Selection) >= state.BestValidation.SelectionScore(state.Selection);
        state = state with
        {
            CompletedEpochs = epoch,
            BestEpoch = isBest ? epoch : state.BestEpoch,
            BestValidation = isBest ? scores : state.BestValidation,
            Seconds = state.Seconds + clock.Elapsed.TotalSeconds,
            SavedAt = DateTimeOffset.UtcNow,
            AverageUpdates = average?.Updates ?? 0,
        };
        store.Save(session.Student, optimizer, average, state, isBest);
        Report(new EpochMetrics(epoch, trained.Loss, trained.Steps, trained.Images, trained.Images / Math.Max(trainSeconds, 1e-9),
            trainSeconds, miningSeconds, validationSeconds, rates, scores, isBest, trainedScores));
        return state;
    }

    private (double Loss, int Steps, int Images) Train<T>(int epoch, IReadOnlyList<T> items, IObjective<T> objective, StudentOptimizer optimizer,
        WeightAverage? average)
    {
        var batches = Batching.Split(items, options.BatchSize);
        var progress = observer.BeginEpoch(epoch, options.Epochs, batches.Count);
        var augment = Seeds.For(options.Seed, epoch, "augment");
        var clock = Stopwatch.StartNew();
        var (lossSum, images) = (0.0, 0);
        session.Student.train();
        for (var step = 0; step < batches.Count; step++)
        {
            optimizer.ZeroGrad();
            var loss = objective.Backward(batches[step], augment);
            if (!double.IsFinite(loss))
            {
                throw new InvalidOperationException($"Epoch {epoch}, step {step + 1}: the loss is {loss}; lower the learning rates.");
            }
            optimizer.Step();
            average?.Update();
            lossSum += loss;
            images += batches[step].Sum(objective.StudentImages);
            progress.Report(new TrainingProgress(step + 1, batches.Count, lossSum / (step + 1), images / Math.Max(clock.Elapsed.TotalSeconds, 1e-9)));
        }
        return (lossSum / batches.Count, batches.Count, images);
    }
}

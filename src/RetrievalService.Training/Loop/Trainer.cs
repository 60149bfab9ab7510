using RetrievalService.Training.Checkpoints;
using RetrievalService.Training.Data;
using RetrievalService.Training.Mining;
using RetrievalService.Training.Validation;

namespace RetrievalService.Training.Loop;

/// <summary>
/// The training loop: per epoch, mine with the current student, train, validate on <c>val</c>, checkpoint,
/// and log a metrics line; the best epoch by validation mAP (not by loss) is kept and loaded at the end.
/// </summary>
public sealed partial class Trainer
{
    private readonly TrainingSession session;
    private readonly ITrainingObserver observer;
    private readonly TrainingOptions options;
    private readonly CheckpointStore store;
    private readonly MetricsLog log;
    private readonly Validator validator;

    /// <summary>A loop over <paramref name="session"/> that reports to <paramref name="observer"/>.</summary>
    public Trainer(TrainingSession session, ITrainingObserver observer)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(observer);
        (this.session, this.observer, options) = (session, observer, session.Options);
        store = new CheckpointStore(options.OutputDirectory);
        log = new MetricsLog(Path.Combine(store.Directory, MetricsLog.FileName));
        validator = new Validator(session.Splits.Validation, session.ValidationVectors.Gallery, session.Loader,
            options.EffectiveSelection is SelectionMode.Symmetric or SelectionMode.Agreement, session.Init, options.Threads);
    }

    /// <summary>Trains to <see cref="TrainingOptions.Epochs"/>, leaves the best epoch's weights in the student, returns the final checkpoint.</summary>
    public CheckpointManifest Run(CancellationToken cancellationToken = default)
    {
        using var optimizer = new StudentOptimizer(session.Student, options);
        using var average = options.AverageDecay > 0 ? new WeightAverage(session.Student, options.AverageDecay) : null;
        var state = options.Resume ? Resume(optimizer, average) : Start(optimizer, average);
        var miner = new EpochMiner(session.Splits.Train, session.Loader, session.TrainVectors, options.Loss.IsSymmetric(), options.PoolSize, options.Negatives,
            session.Init, options.Threads);
        for (var epoch = state.CompletedEpochs + 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state = RunEpoch(epoch, state, optimizer, average, miner);
        }
        store.RestoreBest(session.Student);
        observer.Note(state.Selection == SelectionMode.Agreement
            ? $"best epoch {state.BestEpoch}: validation mean cosine to the teacher {state.BestValidation.SelectionScore(state.Selection):F4}"
            : $"best epoch {state.BestEpoch}: validation Medium mAP {state.BestValidation.SelectionScore(state.Selection):P2} ({state.Selection.ToString().ToLowerInvariant()})");
        return state;
    }

    private CheckpointManifest Start(StudentOptimizer optimizer, WeightAverage? average)
    {
        store.Check(options);
        Directory.CreateDirectory(store.Directory);
        File.Delete(log.Path);
        var started = DateTime.UtcNow;
        var scores = validator.Evaluate(session.Student, observer);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var state = new CheckpointManifest
        {
            Options = options,
            InitSha256 = session.Init.Sha256,
            TeacherSha256 = session.Teacher.Sha256,
            CompletedEpochs = 0,
            BestEpoch = 0,
            BestValidation = scores,
            Selection = options.EffectiveSelection,
            Seconds = seconds,
        };
        store.Save(session.Student, optimizer, average, state, isBest: true);
        // The average starts at the initial weights, so the two validations of epoch 0 are one.
        Report(new EpochMetrics(0, null, 0, 0, 0, 0, 0, seconds, optimizer.Rates, scores, Best: true, TrainedWeightsValidation: average is null ? null : scores));
        return state;
    }

    private CheckpointManifest Resume(StudentOptimizer optimizer, WeightAverage? average)
    {
        store.Check(options);
        var state = store.LoadManifest();
        if (state.InitSha256 != session.Init.Sha256 || state.TeacherSha256 != session.Teacher.Sha256)
        {
            throw new InvalidOperationException(
                $"--resume: the init or teacher model file changed since the checkpoint (sha256 {state.InitSha256[..12]}…/{state.TeacherSha256[..12]}…); resume with the same models.");
        }
        store.RestoreLast(session.Student, optimizer, average, state.AverageUpdates);
        observer.Note($"resumed {store.Directory} after epoch {state.CompletedEpochs} (best so far: epoch {state.BestEpoch})");
        return state with { Options = options };
    }

    private void Report(EpochMetrics metrics)
    {
        log.Append(metrics);
        observer.EpochCompleted(metrics);
    }
}

using RetrievalService.ModelPipeline.Artifacts;

namespace RetrievalService.Training.Loop;

/// <summary>Range checks of <see cref="TrainingOptions"/>, all problems in one message.</summary>
public static class TrainingOptionsValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public static void Validate(this TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
        Require(options.Epochs >= 1, $"--epochs must be ≥ 1 (got {options.Epochs})");
        Require(options.TuplesPerEpoch >= 2, $"--tuples-per-epoch must be ≥ 2 (got {options.TuplesPerEpoch})");
        Require(options.BatchSize >= (options.Loss == LossKind.Rkd ? 3 : 1), $"--batch must be ≥ {(options.Loss == LossKind.Rkd ? 3 : 1)} for {options.Loss.Name()} (got {options.BatchSize})");
        Require(options.Negatives >= 1, $"--negatives must be ≥ 1 (got {options.Negatives})");
        Require(options.LearningRate > 0 && options.HeadLearningRate > 0 && options.GemLearningRateFactor >= 0, "learning rates must be positive");
        Require(options.WeightDecay >= 0 && options.LearningRateDecay >= 0, "--weight-decay and --lr-decay must be ≥ 0");
        Require(options.Margin > 0, $"--margin must be positive (got {options.Margin})");
        Require(options.ImageSize is >= 64 and <= 2048, $"--size must be 64..2048 (got {options.ImageSize})");
        // Contr+ is the one tuple loss with a term on the anchor's own teacher vector; the others have nothing to aim.
        Require(options.Target == TeacherTarget.FullImage || !options.Loss.UsesTuples() || options.Loss == LossKind.ContrastivePlus,
            $"--target same-view applies to the losses with a teacher target for the student's own input (regression, rkd, contr-plus), not to {options.Loss.Name()}");
        Require(options.MixupProbability is >= 0 and <= 1, $"--mixup must be 0..1 (got {options.MixupProbability})");
        Require(options.MixupProbability == 0 || options.Target == TeacherTarget.SameView,
            "--mixup needs --target same-view: a blend of two images has no cached teacher vector");
        Require(options.AverageDecay is >= 0 and < 1, $"--ema must be in [0, 1) (got {options.AverageDecay})");
        Require(options.FeatureMapWeight >= 0 && double.IsFinite(options.FeatureMapWeight), $"--feature-map-weight must be 0 or more (got {options.FeatureMapWeight})");
        Require(options.FeatureMapWeight == 0 || options.Loss == LossKind.Regression,
            $"--feature-map-weight adds to regression only (got --loss {options.Loss.Name()})");
        Require(options.PoolSize >= 0, $"--pool-size must be ≥ 0 (got {options.PoolSize})");
        Require(options.Threads is >= 1 and <= 64, $"--threads must be 1..64 (got {options.Threads})");
        Require(options.ModelId.Length > 0 && options.ModelId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'),
            $"--id '{options.ModelId}' must be non-empty letters, digits, '-', '_' or '.'");
        Require(!ShippedModelIds.IsShipped(options.ModelId), ShippedModelIds.Refusal("--id", options.ModelId));
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid training options: " + string.Join("; ", problems) + ".");
        }
    }
}

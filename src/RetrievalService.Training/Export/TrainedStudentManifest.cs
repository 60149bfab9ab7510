using RetrievalService.Embedding.Images;
using System.Globalization;
using System.Text.RegularExpressions;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Training.Checkpoints;
using RetrievalService.Training.Loop;

namespace RetrievalService.Training.Export;

/// <summary>The manifest of a trained student: compatible with its teacher, with the recipe and validation scores as provenance.</summary>
public static partial class TrainedStudentManifest
{
    /// <summary>
    /// The init's architecture with the trained GeM p noted once. A student warm-started from a trained one would
    /// otherwise carry every earlier stage's p as well, which reads as if the network had several GeM layers.
    /// </summary>
    public static string TrainedArchitecture(string initArchitecture, double gemP)
    {
        ArgumentNullException.ThrowIfNull(initArchitecture);
        var untrained = TrainedNote().Replace(initArchitecture, "");
        return $"{untrained} (trained: GeM p={gemP.ToString("0.###", CultureInfo.InvariantCulture)})";
    }

    [GeneratedRegex(@" \(trained: GeM p=[^)]*\)")]
    private static partial Regex TrainedNote();

    /// <summary>Builds the manifest (file name and hash are filled in by <c>ModelArtifactWriter</c>).</summary>
    public static ModelManifest Create(TrainingSession session, CheckpointManifest final, double gemP)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(final);
        var (options, init, teacher) = (session.Options, session.Init, session.Teacher);
        return new ModelManifest
        {
            Id = options.ModelId,
            Version = "1.0.0",
            Role = ModelRole.Student,
            Architecture = TrainedArchitecture(init.Architecture, gemP),
            OnnxFile = "",
            Sha256 = "",
            Input = init.Input with { RecommendedLongerSide = options.ImageSize, Preprocessing = ImagePipeline.Identity },
            Output = init.Output,
            // Only a student trained into the teacher's space may be paired with its gallery; the service refuses the others.
            CompatibleWith = options.Loss.TrainsIntoTeacherSpace() ? new TeacherReference { TeacherId = teacher.Id, TeacherSha256 = teacher.Sha256 } : null,
            Provenance = new Provenance
            {
                Source = $"{init.Provenance.Source}; fine-tuned from {init.Id} (sha256 {init.Sha256})",
                Method = Method(options, final),
                Data = Data(session),
                // With augmentation the student sees a crop of the image the teacher saw whole: say so, it is the recipe.
                Loss = options.Loss.Describe(options.Margin, options.Negatives)
                    + AugmentationNote(options.EffectiveAugmentation, options.Target, options.Loss.UsesTuples())
                    + (options.EffectiveMixup is { } mixup ? $"; {mixup.Describe()}, the teacher run on the blend" : ""),
                Metrics = Metrics(final),
                Command = options.Command,
            },
        };
    }

    // Light keeps the wording the committed default student was exported with.
    private static string AugmentationNote(Data.Augmentation? augmentation, TeacherTarget target, bool tuples) => (augmentation, target) switch
    {
        (null, _) => "",
        ({ } augmented, TeacherTarget.SameView) when tuples =>
            $"; the anchors augmented, {augmented.Describe()}, the anchor's own term aimed at the teacher run on the same augmented view (positives and negatives: the teacher's vectors of the unaugmented images)",
        ({ } augmented, TeacherTarget.SameView) => $"; the student's inputs augmented, {augmented.Describe()}, the teacher run on the same augmented view",
        ({ ColourStrength: 0 }, _) => "; the student's inputs (anchors) lightly augmented (crop + flip), the teacher's vectors from the unaugmented images",
        ({ } augmented, _) => $"; the student's inputs (anchors) augmented, {augmented.Describe()}, the teacher's vectors from the unaugmented images",
    };

    private static string Method(TrainingOptions o, CheckpointManifest final) => string.Create(CultureInfo.InvariantCulture,
        $"Asymmetric metric learning (Budnik & Avrithis, CVPR 2021) in TorchSharp on CPU: Adam, lr backbone {o.LearningRate:G3}, head {o.HeadLearningRate:G3}, " +
        $"GeM p {o.LearningRate * o.GemLearningRateFactor:G3} without weight decay, weight decay {o.WeightDecay:G3}, rates × e^(−{o.LearningRateDecay}) per epoch, " +
        $"BatchNorm frozen, teacher frozen ({(o.Target == TeacherTarget.SameView ? "ONNX Runtime, run on each training view" : "cached ONNX Runtime vectors")}), {o.TuplesPerEpoch} {(o.Loss.UsesTuples() ? "tuples" : "images")}/epoch, batch {o.BatchSize}, " +
        $"{final.CompletedEpochs} epochs, longer side {o.ImageSize}, augmentation {o.EffectiveAugmentation?.Describe() ?? "none"}{(o.EffectiveMixup is { } m ? ", " + m.Describe() : "")}, seed {o.Seed}; " +
        $"{(o.AverageDecay > 0 ? WeightAverage.Describe(o.AverageDecay) + ", the average validated and exported; " : "")}" +
        $"{(o.FeatureMapWeight > 0 ? $"feature maps before pooling distilled (1 − cosine per position, weight {o.FeatureMapWeight:0.###}, the teacher in libtorch); " : "")}" +
        $"best epoch {final.BestEpoch} selected by {final.Selection.ToString().ToLowerInvariant()} validation Medium mAP.");

    private static string Data(TrainingSession session)
    {
        var (train, validation) = (session.Splits.Train.Dataset, session.Splits.Validation.Dataset);
        return $"{session.Options.Dataset}: train split ({train.Queries.Count} queries, {train.Images.Count} images) for tuples, mining and unlabelled images; " +
            $"{(session.Options.ValidationDataset is { } other ? other + ": " : "")}val split ({validation.Queries.Count} queries, {validation.Images.Count} images) for model selection; the test split is never read.";
    }

    private static Dictionary<string, double> Metrics(CheckpointManifest final)
    {
        var best = final.BestValidation;
        var metrics = new Dictionary<string, double>
        {
            ["bestEpoch"] = final.BestEpoch,
            ["epochs"] = final.CompletedEpochs,
            ["trainingSeconds"] = Math.Round(final.Seconds, 1),
            ["valAsymmetricMapEasy"] = Math.Round(best.Asymmetric.Easy, 4),
            ["valAsymmetricMapMedium"] = Math.Round(best.Asymmetric.Medium, 4),
            ["valAsymmetricMapHard"] = Math.Round(best.Asymmetric.Hard, 4),
        };
        if (best.Symmetric is { } symmetric)
        {
            metrics["valSymmetricMapEasy"] = Math.Round(symmetric.Easy, 4);
            metrics["valSymmetricMapMedium"] = Math.Round(symmetric.Medium, 4);
            metrics["valSymmetricMapHard"] = Math.Round(symmetric.Hard, 4);
        }
        return metrics;
    }
}

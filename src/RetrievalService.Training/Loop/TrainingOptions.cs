using System.Text.Json.Serialization;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Training.Losses;

namespace RetrievalService.Training.Loop;

/// <summary>
/// Everything a training run depends on. Immutable; stored in the checkpoint manifest, and a resumed run must
/// match it in every hyper-parameter (<see cref="HyperParameters"/>).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Dataset folder holding <c>train/</c> and <c>val/</c> (e.g. <c>data/datasets/photoviews</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>
    /// Dataset folder whose <c>val/</c> selects the model instead of <see cref="Dataset"/>'s (e.g.
    /// <c>data/datasets/gcompris-views</c>); <c>null</c>: <see cref="Dataset"/>'s own.
    /// </summary>
    public string? ValidationDataset { get; init; }

    /// <summary>Manifest of the student to start from (e.g. <c>student-mnv2-convhead-init</c>).</summary>
    public required string InitManifest { get; init; }

    /// <summary>Manifest of the frozen teacher whose space the student learns.</summary>
    public required string TeacherManifest { get; init; }

    /// <summary>Run folder: checkpoint, metrics and the manifest of hyper-parameters.</summary>
    public required string OutputDirectory { get; init; }

    public LossKind Loss { get; init; } = LossKind.AsymmetricContrastive;

    public int Epochs { get; init; } = 10;

    /// <summary>Tuples per epoch (tuple losses) or images per epoch (regression, RKD): the same student budget.</summary>
    public int TuplesPerEpoch { get; init; } = 200;

    /// <summary>Tuples (or images) per optimizer step.</summary>
    public int BatchSize { get; init; } = 5;

    /// <summary>Mined negatives per tuple.</summary>
    public int Negatives { get; init; } = 5;

    /// <summary>Backbone learning rate; GeM p gets <see cref="GemLearningRateFactor"/> times it.</summary>
    public double LearningRate { get; init; } = 1e-5;

    /// <summary>Learning rate of the head (the 1×1 conv), which starts untrained.</summary>
    public double HeadLearningRate { get; init; } = 1e-3;

    /// <summary>GeM p's learning rate as a multiple of <see cref="LearningRate"/> (the method's 10: docs/method.md#network-shape).</summary>
    public double GemLearningRateFactor { get; init; } = 10;

    /// <summary>Adam's L2 weight decay on backbone and head; GeM p has none.</summary>
    public double WeightDecay { get; init; } = 1e-6;

    /// <summary>Rates are multiplied by e^(−decay) after every epoch.</summary>
    public double LearningRateDecay { get; init; } = 0.01;

    public double Margin { get; init; } = LossDefaults.Margin;

    /// <summary>Longer image side for training, mining, validation and the teacher's vectors.</summary>
    public int ImageSize { get; init; } = 224;

    /// <summary>Gallery images in each epoch's mining pool; 0 = the whole training gallery.</summary>
    public int PoolSize { get; init; }

    public AugmentationMode Augmentation { get; init; } = AugmentationMode.Auto;

    /// <summary>Targets of the image losses; the tuple losses always use the teacher's cached vectors.</summary>
    public TeacherTarget Target { get; init; } = TeacherTarget.FullImage;

    /// <summary>
    /// Chance that an image-loss input is blended with another training image (<see cref="Data.Mixup"/>); 0 = never.
    /// Needs the same-view target: a blend has no whole-image vector.
    /// </summary>
    public double MixupProbability { get; init; }

    /// <summary>
    /// Decay per optimizer step of the weight average that is validated, selected and exported (<see cref="WeightAverage"/>);
    /// 0 = none, the trained weights themselves.
    /// </summary>
    public double AverageDecay { get; init; }

    /// <summary>
    /// Weight of the feature-map term added to regression (<see cref="Losses.FeatureMapLoss"/>): the student's map before
    /// pooling pulled towards the teacher's, run in libtorch on the same view; 0 = off.
    /// </summary>
    public double FeatureMapWeight { get; init; }

    public SelectionMode Selection { get; init; } = SelectionMode.Auto;

    public int Seed { get; init; }

    /// <summary>libtorch and ONNX Runtime intra-op threads.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Teacher-vector cache folder; <c>null</c> disables the cache.</summary>
    public string? CacheDirectory { get; init; } = EmbeddingCache.DefaultDirectory;

    /// <summary>Id of the exported student (file names and manifest id).</summary>
    public required string ModelId { get; init; }

    /// <summary>Folder the best student is exported to.</summary>
    public string ModelsDirectory { get; init; } = "models/trained";

    /// <summary>Continue from the run folder's checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>The command line, recorded in the exported manifest.</summary>
    public string Command { get; init; } = "";

    /// <summary>The options with everything that may change between a run and its resumption blanked out.</summary>
    public TrainingOptions HyperParameters() => this with
    {
        Epochs = 0, Threads = 0, CacheDirectory = null, ModelsDirectory = "", ModelId = "", Resume = false, Command = "",
        OutputDirectory = "",
    };

    /// <summary>How student inputs are augmented under this run's loss; <c>null</c> when they are not.</summary>
    [JsonIgnore]
    public Data.Augmentation? EffectiveAugmentation => Augmentation switch
    {
        AugmentationMode.Light => Data.Augmentation.Light,
        AugmentationMode.Strong => Data.Augmentation.Strong,
        AugmentationMode.Auto when Loss.UsesTuples() => Data.Augmentation.Light,
        _ => null,
    };

    /// <summary>The run's mixup; <c>null</c> when inputs are never blended.</summary>
    [JsonIgnore]
    public Data.Mixup? EffectiveMixup => MixupProbability > 0 ? new Data.Mixup(MixupProbability) : null;

    /// <summary>The selection actually used.</summary>
    [JsonIgnore]
    public SelectionMode EffectiveSelection => Selection != SelectionMode.Auto ? Selection
        : Loss.TrainsIntoTeacherSpace() ? SelectionMode.Asymmetric : SelectionMode.Symmetric;
}

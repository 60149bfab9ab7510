using System.CommandLine;
using System.Globalization;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Training.Loop;

namespace RetrievalService.Trainer.Commands;

/// <summary>The options of <c>train</c> and their mapping onto <see cref="TrainingOptions"/>; defaults come from the record.</summary>
internal sealed class TrainCommandOptions
{
    private static readonly TrainingOptions Defaults = new() { Dataset = "", InitManifest = "", TeacherManifest = "", OutputDirectory = "", ModelId = "" };

    public Option<string> Dataset { get; } = new("--dataset") { Description = "Dataset folder holding train/ and val/ (e.g. data/datasets/photoviews); test/ is never read.", Required = true };
    public Option<string?> ValidationDataset { get; } = new("--val-dataset") { Description = "Dataset folder whose val/ selects the model instead of --dataset's (e.g. data/datasets/gcompris-views)." };
    public Option<string> Init { get; } = new("--init") { Description = "Manifest of the student to start from.", DefaultValueFactory = _ => "models/student-mnv2-convhead-init.manifest.json" };
    public Option<string> Teacher { get; } = new("--teacher") { Description = "Manifest of the frozen teacher.", DefaultValueFactory = _ => "models/teacher-resnet18-gem.manifest.json" };
    public Option<string> Loss { get; } = new("--loss") { Description = "Loss: " + string.Join(", ", LossKinds.AllNames) + ".", DefaultValueFactory = _ => Defaults.Loss.Name() };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Epochs (on --resume: the new total).", DefaultValueFactory = _ => Defaults.Epochs };
    public Option<int> Tuples { get; } = new("--tuples-per-epoch") { Description = "Tuples per epoch (regression and RKD: images per epoch).", DefaultValueFactory = _ => Defaults.TuplesPerEpoch };
    public Option<int> Batch { get; } = new("--batch") { Description = "Tuples (or images) per optimizer step.", DefaultValueFactory = _ => Defaults.BatchSize };
    public Option<int> Negatives { get; } = new("--negatives") { Description = "Mined negatives per tuple, at most one per instance.", DefaultValueFactory = _ => Defaults.Negatives };
    public Option<double> LearningRate { get; } = new("--lr") { Description = "Backbone learning rate (GeM p: × --gem-lr-factor).", DefaultValueFactory = _ => Defaults.LearningRate };
    public Option<double> HeadLearningRate { get; } = new("--head-lr") { Description = "Learning rate of the head (1×1 conv).", DefaultValueFactory = _ => Defaults.HeadLearningRate };
    public Option<double> GemFactor { get; } = new("--gem-lr-factor") { Description = "GeM p's rate as a multiple of --lr.", DefaultValueFactory = _ => Defaults.GemLearningRateFactor };
    public Option<double> WeightDecay { get; } = new("--weight-decay") { Description = "Adam L2 weight decay (not on GeM p).", DefaultValueFactory = _ => Defaults.WeightDecay };
    public Option<double> Decay { get; } = new("--lr-decay") { Description = "Rates × e^(−decay) per epoch.", DefaultValueFactory = _ => Defaults.LearningRateDecay };
    public Option<double> Margin { get; } = new("--margin") { Description = "Contrastive / triplet margin.", DefaultValueFactory = _ => Defaults.Margin };
    public Option<int> Size { get; } = new("--size") { Description = "Longer image side in pixels (training, mining, validation, teacher vectors).", DefaultValueFactory = _ => Defaults.ImageSize };
    public Option<int> PoolSize { get; } = new("--pool-size") { Description = "Gallery images in each epoch's mining pool; 0 = all.", DefaultValueFactory = _ => Defaults.PoolSize };
    public Option<string> Augment { get; } = new("--augment") { Description = "auto (light, on the anchors of tuple losses only), none, light (crop + flip) or strong (smaller crops + colour jitter).", DefaultValueFactory = _ => "auto" };
    public Option<string> Target { get; } = new("--target") { Description = "Regression/RKD target of an augmented view: full-image (the teacher's cached vector of the whole image) or same-view (the teacher run on the view itself).", DefaultValueFactory = _ => "full-image" };
    public Option<double> Mixup { get; } = new("--mixup") { Description = "Chance (0..1) that a regression/RKD input is blended with another training image, the teacher run on the blend; needs --target same-view.", DefaultValueFactory = _ => Defaults.MixupProbability };
    public Option<double> FeatureMapWeight { get; } = new("--feature-map-weight") { Description = "Weight of a term added to regression that pulls the student's feature map before pooling towards the teacher's (1 − cosine per position); 0 = off.", DefaultValueFactory = _ => 0.0 };
    public Option<double> Ema { get; } = new("--ema") { Description = "Decay per step (e.g. 0.998) of an exponential moving average of the weights, which is validated, selected and exported instead of the trained weights; 0 = off.", DefaultValueFactory = _ => Defaults.AverageDecay };
    public Option<string> SelectBy { get; } = new("--select-by") { Description = "auto, asymmetric or symmetric validation Medium mAP, or agreement (mean cosine to the teacher on the validation gallery).", DefaultValueFactory = _ => "auto" };
    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of sampling, mining pools and augmentation.", DefaultValueFactory = _ => Defaults.Seed };
    public Option<int> Threads { get; } = new("--threads") { Description = "libtorch and ONNX Runtime threads.", DefaultValueFactory = _ => Defaults.Threads };
    public Option<string> Out { get; } = new("--out") { Description = "Run folder: checkpoint.json, checkpoint/, metrics.jsonl.", Required = true };
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue the run in --out from its last checkpoint." };
    public Option<string?> Id { get; } = new("--id") { Description = "Id of the exported student (default: student-mnv2-<loss>)." };
    public Option<string> ModelsDir { get; } = new("--models-dir") { Description = "Folder the best student is exported to.", DefaultValueFactory = _ => Defaults.ModelsDirectory };
    public Option<string> CacheDir { get; } = new("--cache-dir") { Description = "Teacher-vector cache folder.", DefaultValueFactory = _ => EmbeddingCache.DefaultDirectory };
    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Neither read nor write cached teacher vectors." };

    public void AddTo(Command command)
    {
        Option[] all = [Dataset, ValidationDataset, Init, Teacher, Loss, Epochs, Tuples, Batch, Negatives, LearningRate, HeadLearningRate, GemFactor, WeightDecay,
            Decay, Margin, Size, PoolSize, Augment, Target, Mixup, Ema, FeatureMapWeight, SelectBy, Seed, Threads, Out, Resume, Id, ModelsDir, CacheDir, NoCache];
        Loss.AcceptOnlyFromAmong([.. LossKinds.AllNames]);
        Augment.AcceptOnlyFromAmong("auto", "none", "light", "strong");
        Target.AcceptOnlyFromAmong("full-image", "same-view");
        SelectBy.AcceptOnlyFromAmong("auto", "asymmetric", "symmetric", "agreement");
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    public TrainingOptions ToTrainingOptions(ParseResult parse, string command)
    {
        var loss = LossKinds.Parse(parse.GetValue(Loss)!);
        return new TrainingOptions
        {
            Dataset = Normalise(parse.GetValue(Dataset)!),
            ValidationDataset = parse.GetValue(ValidationDataset) is { } validation ? Normalise(validation) : null,
            InitManifest = Normalise(parse.GetValue(Init)!),
            TeacherManifest = Normalise(parse.GetValue(Teacher)!),
            OutputDirectory = Normalise(parse.GetValue(Out)!),
            Loss = loss,
            Epochs = parse.GetValue(Epochs),
            TuplesPerEpoch = parse.GetValue(Tuples),
            BatchSize = parse.GetValue(Batch),
            Negatives = parse.GetValue(Negatives),
            LearningRate = parse.GetValue(LearningRate),
            HeadLearningRate = parse.GetValue(HeadLearningRate),
            GemLearningRateFactor = parse.GetValue(GemFactor),
            WeightDecay = parse.GetValue(WeightDecay),
            LearningRateDecay = parse.GetValue(Decay),
            Margin = parse.GetValue(Margin),
            ImageSize = parse.GetValue(Size),
            PoolSize = parse.GetValue(PoolSize),
            Augmentation = Enum.Parse<AugmentationMode>(parse.GetValue(Augment)!, ignoreCase: true),
            Target = Enum.Parse<TeacherTarget>(parse.GetValue(Target)!.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
            MixupProbability = parse.GetValue(Mixup),
            AverageDecay = parse.GetValue(Ema),
            FeatureMapWeight = parse.GetValue(FeatureMapWeight),
            Selection = Enum.Parse<SelectionMode>(parse.GetValue(SelectBy)!, ignoreCase: true),
            Seed = parse.GetValue(Seed),
            Threads = parse.GetValue(Threads),
            CacheDirectory = parse.GetValue(NoCache) ? null : parse.GetValue(CacheDir),
            ModelId = parse.GetValue(Id) ?? string.Create(CultureInfo.InvariantCulture, $"student-mnv2-{loss.Name()}"),
            ModelsDirectory = parse.GetValue(ModelsDir)!,
            Resume = parse.GetValue(Resume),
            Command = command,
        };
    }

    /// <summary>
    /// Paths relative to the working directory with separators normalised, so a resumed run compares equal to
    /// its start however the path was typed, and manifests do not record a machine's absolute paths.
    /// </summary>
    private static string Normalise(string path) =>
        Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path)).TrimEnd(Path.DirectorySeparatorChar);
}

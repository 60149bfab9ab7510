using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Student;

/// <summary>Manifests of the MobileNetV2 students (file name and hash are filled in when written).</summary>
public static class StudentManifests
{
    public const string LinearId = "student-mnv2-linear";
    public const string ConvHeadInitId = "student-mnv2-convhead-init";

    /// <summary>
    /// The service's default student: <see cref="ConvHeadInitId"/> trained by the trainer (regression), committed with its
    /// ONNX because the set-up cannot rebuild it (scripts/results/train-default-student.sh reproduces it).
    /// </summary>
    public const string TrainedDefaultId = "student-mnv2-regression";

    /// <summary>
    /// The service's default query model: <see cref="TrainedDefaultId"/> after static int8 quantization, committed with its
    /// ONNX (scripts/results/quantize-default-student.sh reproduces it from the float model and photoviews' train split).
    /// </summary>
    public const string QuantizedDefaultId = "student-mnv2-regression-int8";
    public const string FeaturesId = "student-mnv2-gem-features";
    public const string Source = "npm:nsfwjs@4.4.0 dist/models/mobilenet_v2_mid (TF-Hub MobileNetV2 1.4, uint8-quantised TFJS graph model)";
    private const string Backbone = "MobileNetV2 1.4 (TFJS → ONNX, cut at the 1792-channel map)";

    public static ModelManifest Linear(ModelManifest teacher, AdapterFitReport fit)
    {
        var manifest = Student(
            LinearId,
            $"GeM p=3 → linear 1792→{teacher.Output.Dimension} (+bias) → L2N",
            new OutputSpec { Dimension = teacher.Output.Dimension },
            LinearProvenance(fit));
        // Fitted at the teacher's image size, into the teacher's space.
        return manifest with
        {
            Input = manifest.Input with { RecommendedLongerSide = teacher.Input.RecommendedLongerSide },
            CompatibleWith = new TeacherReference { TeacherId = teacher.Id, TeacherSha256 = teacher.Sha256 },
        };
    }

    public static ModelManifest ConvHeadInit(int dimension, int seed) => Student(
        ConvHeadInitId,
        $"1×1 conv 1792→{dimension} (no bias) → ReLU → GeM p=3 → L2N",
        new OutputSpec { Dimension = dimension },
        new Provenance
        {
            Source = Source,
            Method = $"Initialisation for training (the head of docs/method.md#network-shape); 1×1 conv He-normal with seed {seed}. Untrained: not compatible with any teacher.",
            Command = "dotnet run --project src/RetrievalService.ModelTool -- build-student",
        });

    /// <summary>Backbone + GeM without normalisation: the features the adapter is fitted on (a build intermediate).</summary>
    public static ModelManifest Features() => Student(
        FeaturesId,
        "GeM p=3",
        new OutputSpec { Name = StudentGraphs.PooledOutput, Dimension = MobileNetV2Backbone.Channels, Normalization = "none" },
        new Provenance { Source = Source });

    // What every student shares: the converted backbone under its head, the project's input convention, and a file
    // name and hash that the writer fills in.
    private static ModelManifest Student(string id, string head, OutputSpec output, Provenance provenance) => new()
    {
        Id = id,
        Version = "1.0.0",
        Role = ModelRole.Student,
        Architecture = $"{Backbone} → {head}",
        OnnxFile = "",
        Sha256 = "",
        Input = new InputConvention { Preprocessing = ImagePipeline.Identity },
        Output = output,
        Provenance = provenance,
    };

    private static Provenance LinearProvenance(AdapterFitReport fit) => new()
    {
        Source = Source,
        Method = "Backbone converted unchanged; linear adapter fitted by ridge regression (λ chosen on a validation split of the fitting photos) from student GeM features to the teacher's unit vectors of the same views. No end-to-end training.",
        Data = $"Debian photo pool (fitting: {fit.FittingPhotos} photos, {fit.FittingViews} views; held out: {fit.HeldOutPhotos} photos from packages {string.Join(", ", DataSources.Photos.PhotoPool.HeldOutPackages.Order())})",
        Loss = $"least squares ½‖W·f(x)+b − g(x)‖² + ridge λ={fit.Lambda} on standardised features",
        Metrics = new Dictionary<string, double>
        {
            ["heldOutViews"] = fit.HeldOutAllViews.Count,
            ["heldOutMeanCosine"] = Math.Round(fit.HeldOutAllViews.MeanCosine, 4),
            ["heldOutTop1"] = Math.Round(fit.HeldOutAllViews.Top1, 4),
            ["heldOutTop5"] = Math.Round(fit.HeldOutAllViews.Top5, 4),
            ["heldOutPairwiseWinRate"] = Math.Round(fit.HeldOutAllViews.PairwiseWinRate, 4),
            ["heldOutWholeImages"] = fit.HeldOutWholeImages.Count,
            ["heldOutWholeImagesMeanCosine"] = Math.Round(fit.HeldOutWholeImages.MeanCosine, 4),
            ["heldOutWholeImagesTop1"] = Math.Round(fit.HeldOutWholeImages.Top1, 4),
            ["heldOutWholeImagesTop5"] = Math.Round(fit.HeldOutWholeImages.Top5, 4),
            ["heldOutWholeImagesPairwiseWinRate"] = Math.Round(fit.HeldOutWholeImages.PairwiseWinRate, 4),
        },
        Command = "dotnet run --project src/RetrievalService.ModelTool -- fit-adapter && dotnet run --project src/RetrievalService.ModelTool -- build-student",
    };
}

using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Running;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.Training.Checkpoints;
using RetrievalService.Training.Data;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Runtime;
using TorchSharp;

namespace RetrievalService.Training.Loop;

/// <summary>
/// What a run works on, loaded once: the splits, the trainable student (BN frozen), the teacher's cached
/// vectors of both splits, and the image loader. The teacher itself runs in ONNX Runtime, to fill the cache and, with
/// <see cref="TeacherTarget.SameView"/>, on each training view; it is never part of the torch graph, so it is frozen
/// by construction.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private TrainingSession(TrainingOptions options, TrainingSplits splits, ModelManifest init, ModelManifest teacher,
        OnnxModule student, SplitVectors train, SplitVectors validation, TrainingImageLoader loader, OnnxEmbedder? viewTeacher)
    {
        (Options, Splits, Init, Teacher, Student, TrainVectors, ValidationVectors, Loader, this.viewTeacher) =
            (options, splits, init, teacher, student, train, validation, loader, viewTeacher);
    }

    private readonly OnnxEmbedder? viewTeacher;

    /// <summary>The teacher in libtorch for its feature maps, when <see cref="TrainingOptions.FeatureMapWeight"/> asks for them.</summary>
    public FeatureMapTeacher? FeatureMapTeacher { get; private init; }

    public TrainingOptions Options { get; }

    public TrainingSplits Splits { get; }

    /// <summary>Manifest of the starting student (its SHA-256 verified against the file).</summary>
    public ModelManifest Init { get; }

    public ModelManifest Teacher { get; }

    /// <summary>The student being trained.</summary>
    public OnnxModule Student { get; }

    /// <summary>Teacher vectors of the training split's gallery and queries.</summary>
    public SplitVectors TrainVectors { get; }

    /// <summary>Teacher vectors of the validation split's gallery.</summary>
    public SplitVectors ValidationVectors { get; }

    /// <summary>Loads images at the run's size for the student.</summary>
    public TrainingImageLoader Loader { get; }

    /// <summary>Targets of the image losses, as <see cref="TrainingOptions.Target"/> asks.</summary>
    public IImageTargets ImageTargets() =>
        viewTeacher is { } teacher ? new SameViewImageTargets(teacher) : new CachedImageTargets(TrainVectors);

    /// <summary>Validates <paramref name="options"/>, pins threads and seeds, and loads everything.</summary>
    public static async Task<TrainingSession> OpenAsync(TrainingOptions options, IEvaluationObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(observer);
        options.Validate();
        new CheckpointStore(options.OutputDirectory).Check(options);
        TorchRuntime.Configure(options.Threads);
        torch.manual_seed(options.Seed);
        var splits = TrainingSplits.Open(options.Dataset, options.ValidationDataset);
        var init = ModelManifestJson.Load(options.InitManifest);
        var teacherManifest = ModelManifestJson.Load(options.TeacherManifest);
        if (init.Output.Dimension != teacherManifest.Output.Dimension)
        {
            throw new InvalidDataException(
                $"The student '{init.Id}' returns {init.Output.Dimension}-d vectors, the teacher '{teacherManifest.Id}' {teacherManifest.Output.Dimension}-d: add a head that matches.");
        }
        var initOnnx = ModelManifestJson.OnnxPath(init, options.InitManifest);
        FileHashes.Require(initOnnx, init.Sha256);
        var sameView = options.Target == TeacherTarget.SameView;
        if (sameView)
        {
            RequireSharedInput(init, teacherManifest);
        }
        var teacher = OnnxEmbedder.Load(options.TeacherManifest, new InferenceOptions { IntraOpThreads = options.Threads, InterOpThreads = 1 });
        var keepTeacher = false;
        try
        {
            var train = await TeacherVectors.LoadAsync(teacher, splits.Train, options.ImageSize, true, options.CacheDirectory, observer, cancellationToken);
            var validation = await TeacherVectors.LoadAsync(teacher, splits.Validation, options.ImageSize, false, options.CacheDirectory, observer, cancellationToken);
            var student = OnnxModule.Load(initOnnx, new OnnxImportOptions { FreezeBatchNorm = true });
            var loader = new TrainingImageLoader(options.ImageSize, init.Input.MinSide, init.Input.AlphaBackground);
            var session = new TrainingSession(options, splits, init, teacherManifest, student, train, validation, loader, sameView ? teacher : null)
            {
                FeatureMapTeacher = options.FeatureMapWeight > 0
                    ? new FeatureMapTeacher(ModelManifestJson.OnnxPath(teacherManifest, options.TeacherManifest))
                    : null,
            };
            keepTeacher = sameView;
            return session;
        }
        finally
        {
            // The session owns the teacher only when it runs it on views; otherwise, or on failure, it goes now.
            if (!keepTeacher)
            {
                teacher.Dispose();
            }
        }
    }

    // The teacher is shown the student's very tensor, so both must read pixels the same way. Layout, colour order
    // and range are the same for every model that loads (ModelContract allows only NCHW RGB 0..255); what can
    // differ is how transparency is composited and how small an input may be.
    private static void RequireSharedInput(ModelManifest student, ModelManifest teacher)
    {
        var (s, t) = (student.Input, teacher.Input);
        if (!s.AlphaBackground.SequenceEqual(t.AlphaBackground) || s.MinSide < t.MinSide)
        {
            throw new InvalidDataException(
                $"--target same-view shows the teacher '{teacher.Id}' the student's input tensor, but their input contracts differ " +
                $"(alpha background: student [{string.Join(", ", s.AlphaBackground)}], teacher [{string.Join(", ", t.AlphaBackground)}]; " +
                $"min side: student {s.MinSide}, teacher {t.MinSide}).");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Student.Dispose();
        viewTeacher?.Dispose();
        FeatureMapTeacher?.Dispose();
    }
}

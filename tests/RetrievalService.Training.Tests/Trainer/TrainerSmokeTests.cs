using RetrievalService.Embedding.Manifests;
using RetrievalService.Trainer;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Tests.Support;
using Xunit.Abstractions;

namespace RetrievalService.Training.Tests.Trainer;

/// <summary>End to end through the CLI on a tiny generated dataset (issue 6 §3–4).</summary>
public sealed partial class TrainerSmokeTests(TinyRunFixture run, ITestOutputHelper output) : IClassFixture<TinyRunFixture>
{
    [Fact]
    public void A_tiny_run_writes_a_checkpoint_and_a_metrics_line_per_epoch_including_the_initial_validation()
    {
        Assert.Equal(0, run.ExitCode);
        var checkpoint = TinyRunFixture.ReadCheckpoint(run.RunFolder);
        Assert.Equal(1, checkpoint.GetProperty("completedEpochs").GetInt32());
        Assert.Equal("asymmetric-contrastive", checkpoint.GetProperty("options").GetProperty("loss").GetString());
        Assert.True(File.Exists(TinyRunFixture.CheckpointFile(run.RunFolder, "student")));
        Assert.True(File.Exists(TinyRunFixture.CheckpointFile(run.RunFolder, "optimizer")));
        Assert.True(File.Exists(TinyRunFixture.CheckpointFile(run.RunFolder, "bestStudent")));

        var metrics = TinyRunFixture.ReadMetrics(run.RunFolder);
        Assert.Equal([0, 1], metrics.Select(m => m.GetProperty("epoch").GetInt32()));
        var epoch = metrics[1];
        Assert.True(double.IsFinite(epoch.GetProperty("loss").GetDouble()));
        Assert.Equal(4, epoch.GetProperty("studentImages").GetInt32());
        Assert.InRange(epoch.GetProperty("validation").GetProperty("asymmetric").GetProperty("medium").GetDouble(), 0, 1);
    }

    [Fact]
    public void The_exported_onnx_loads_in_onnx_runtime_and_matches_the_trained_torch_module()
    {
        Assert.Equal(0, run.ExitCode);
        var manifestPath = Path.Combine(run.ModelsFolder, "smoke-student.manifest.json");
        var manifest = ModelManifestJson.Load(manifestPath);
        var teacher = ModelManifestJson.Load(RepoPaths.RequireModel("teacher-resnet18-gem.manifest.json"));
        Assert.Equal(teacher.Sha256, manifest.CompatibleWith?.TeacherSha256);
        Assert.Equal(64, manifest.Input.RecommendedLongerSide);
        Assert.Contains("asym-contrastive", manifest.Provenance.Loss, StringComparison.Ordinal);

        using var best = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        best.load(TinyRunFixture.CheckpointFile(run.RunFolder, "bestStudent"));
        using var last = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        last.load(TinyRunFixture.CheckpointFile(run.RunFolder, "student"));
        long[] shape = [1, 3, 64, 80];
        var input = SyntheticInputs.Images(seed: 3, shape);
        var exported = OrtRunner.Run(File.ReadAllBytes(Path.Combine(run.ModelsFolder, manifest.OnnxFile)), input, shape);
        var initial = OrtRunner.Run(File.ReadAllBytes(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx")), input, shape);

        var difference = TorchRunner.MaxAbsDiff(TorchRunner.Run(best, input, shape), exported);
        var moved = TorchRunner.MaxAbsDiff(initial, TorchRunner.Run(last, input, shape));
        output.WriteLine($"max |ORT(exported) − torch(best)| = {difference:E2}; training moved the last epoch's output by {moved:E2}");
        Assert.True(difference <= 1e-4, $"max abs diff {difference:E2}");
        Assert.True(moved > 1e-6, "training did not change the weights");
    }

    [Fact]
    public async Task Resume_continues_from_the_checkpoint_to_the_new_epoch_count()
    {
        Assert.Equal(0, run.ExitCode);
        var copy = run.CopyRun();

        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(copy, epochs: 2, "--resume")));

        Assert.Equal(2, TinyRunFixture.ReadCheckpoint(copy).GetProperty("completedEpochs").GetInt32());
        Assert.Equal([0, 1, 2], TinyRunFixture.ReadMetrics(copy).Select(m => m.GetProperty("epoch").GetInt32()));
    }

    [Fact]
    public async Task Resuming_with_another_hyper_parameter_is_refused_before_any_model_is_loaded()
    {
        Assert.Equal(0, run.ExitCode);
        var copy = run.CopyRun();

        var exitCode = await TrainerApp.RunAsync(run.Arguments(copy, epochs: 2, "--resume", "--lr", "0.5"));

        Assert.Equal(2, exitCode);
        Assert.Equal(1, TinyRunFixture.ReadCheckpoint(copy).GetProperty("completedEpochs").GetInt32());
    }

    [Fact]
    public async Task Starting_a_new_run_in_a_folder_that_holds_one_is_refused()
    {
        Assert.Equal(0, run.ExitCode);

        Assert.Equal(2, await TrainerApp.RunAsync(run.Arguments(run.CopyRun(), epochs: 1)));
    }

    [Fact]
    public async Task An_id_that_would_overwrite_the_shipped_linear_student_is_refused()
    {
        var arguments = run.Arguments(Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N")), epochs: 1)
            .Select(a => a == "smoke-student" ? "student-mnv2-linear" : a).ToArray();

        Assert.Equal(2, await TrainerApp.RunAsync(arguments));
    }

    [Theory]
    [InlineData("regression")]
    [InlineData("contr-plus")]
    public async Task A_same_view_run_trains_and_records_its_targets_in_checkpoint_and_manifest(string loss)
    {
        var runFolder = Path.Combine(Path.GetDirectoryName(run.RunFolder)!, "same-view-" + loss);
        var arguments = run.Arguments(runFolder, epochs: 1, "--augment", "strong", "--target", "same-view")
            .Select(a => a == "asym-contrastive" ? loss : a).ToArray();

        Assert.Equal(0, await TrainerApp.RunAsync(arguments));

        Assert.Equal("same-view", TinyRunFixture.ReadCheckpoint(runFolder).GetProperty("options").GetProperty("target").GetString());
        var epoch = TinyRunFixture.ReadMetrics(runFolder)[1];
        Assert.True(double.IsFinite(epoch.GetProperty("loss").GetDouble()) && epoch.GetProperty("loss").GetDouble() > 0);
        var manifest = ModelManifestJson.Load(Path.Combine(runFolder + ".models", "smoke-student.manifest.json"));
        Assert.Contains("the teacher run on the same augmented view", manifest.Provenance.Loss, StringComparison.Ordinal);
        Assert.Contains("run on each training view", manifest.Provenance.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_selecting_on_another_datasets_val_split_validates_there_and_says_so()
    {
        // The other set's val/ is a copy of the dataset's train/: six validation queries where the dataset's own val/ has four.
        var other = Path.Combine(Path.GetDirectoryName(run.RunFolder)!, "other-set");
        FolderCopy.Copy(Path.Combine(run.Dataset, "train"), Path.Combine(other, "val"));
        var runFolder = Path.Combine(Path.GetDirectoryName(run.RunFolder)!, "other-val");

        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(runFolder, epochs: 1, "--val-dataset", other)));

        var stored = TinyRunFixture.ReadCheckpoint(runFolder).GetProperty("options").GetProperty("validationDataset").GetString()!;
        Assert.Equal(Path.GetFullPath(other), Path.GetFullPath(stored));
        var manifest = ModelManifestJson.Load(Path.Combine(runFolder + ".models", "smoke-student.manifest.json"));
        Assert.Contains($"other-set: val split ({TinyTrainingDataset.TrainInstances} queries", manifest.Provenance.Data, StringComparison.Ordinal);
        // Selection is part of the run: a resume without the other set is refused.
        Assert.Equal(2, await TrainerApp.RunAsync([.. run.Arguments(runFolder, epochs: 2), "--resume"]));
    }

    [Fact]
    public async Task A_mixup_run_trains_and_records_its_probability_in_checkpoint_and_manifest()
    {
        var runFolder = Path.Combine(Path.GetDirectoryName(run.RunFolder)!, "mixup");
        var arguments = run.Arguments(runFolder, epochs: 1, "--target", "same-view", "--mixup", "0.5")
            .Select(a => a == "asym-contrastive" ? "regression" : a).ToArray();

        Assert.Equal(0, await TrainerApp.RunAsync(arguments));

        Assert.Equal(0.5, TinyRunFixture.ReadCheckpoint(runFolder).GetProperty("options").GetProperty("mixupProbability").GetDouble());
        var manifest = ModelManifestJson.Load(Path.Combine(runFolder + ".models", "smoke-student.manifest.json"));
        Assert.Contains("mixup with probability 0.5", manifest.Provenance.Loss, StringComparison.Ordinal);
        Assert.Contains("the teacher run on the blend", manifest.Provenance.Loss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weight_averaged_run_exports_its_average_and_resumes_to_the_same_average_as_an_uninterrupted_run()
    {
        var parent = Path.GetDirectoryName(run.RunFolder)!;
        var (straight, resumed, plain) = (Path.Combine(parent, "ema-straight"), Path.Combine(parent, "ema-resumed"), Path.Combine(parent, "no-ema"));

        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(straight, epochs: 2, "--ema", "0.5")));
        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(plain, epochs: 2)));
        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(resumed, epochs: 1, "--ema", "0.5")));
        Assert.Equal(0, await TrainerApp.RunAsync(run.Arguments(resumed, epochs: 2, "--ema", "0.5", "--resume")));

        // One update per optimizer step, counted across the resumption.
        var steps = TinyRunFixture.ReadMetrics(straight).Sum(m => m.GetProperty("steps").GetInt32());
        Assert.True(steps >= 2, $"{steps} steps");
        Assert.Equal(steps, TinyRunFixture.ReadCheckpoint(straight).GetProperty("averageUpdates").GetInt64());
        Assert.Equal(steps, TinyRunFixture.ReadCheckpoint(resumed).GetProperty("averageUpdates").GetInt64());
        Assert.All(TinyRunFixture.ReadMetrics(straight), m => Assert.InRange(
            m.GetProperty("trainedWeightsValidation").GetProperty("asymmetric").GetProperty("medium").GetDouble(), 0, 1));
        long[] shape = [1, 3, 64, 64];
        var input = SyntheticInputs.Images(seed: 5, shape);
        var straightAverage = RunCheckpoint(straight, "average", input, shape);
        var straightTrained = RunCheckpoint(straight, "student", input, shape);
        var gap = TorchRunner.MaxAbsDiff(straightAverage, RunCheckpoint(resumed, "average", input, shape));
        var averaging = TorchRunner.MaxAbsDiff(straightAverage, straightTrained);
        output.WriteLine($"max |average(straight) − average(resumed)| = {gap:E2}; |average − trained weights| = {averaging:E2}");
        Assert.True(gap <= 1e-6, $"the resumed run's average differs by {gap:E2}");
        Assert.True(averaging > 1e-6, "the average equals the trained weights: nothing was averaged");
        // The average only watches: the weights trained are those of a run without it.
        Assert.Equal(0, TorchRunner.MaxAbsDiff(straightTrained, RunCheckpoint(plain, "student", input, shape)));

        // The best file holds an average (what was validated), and the export is the best file.
        var manifest = ModelManifestJson.Load(Path.Combine(straight + ".models", "smoke-student.manifest.json"));
        Assert.Contains("exponential moving average, decay 0.5 per step", manifest.Provenance.Method, StringComparison.Ordinal);
        var exported = OrtRunner.Run(File.ReadAllBytes(Path.Combine(straight + ".models", manifest.OnnxFile)), input, shape);
        Assert.True(TorchRunner.MaxAbsDiff(RunCheckpoint(straight, "bestStudent", input, shape), exported) <= 1e-4);
        var bestEpoch = TinyRunFixture.ReadCheckpoint(straight).GetProperty("bestEpoch").GetInt32();
        if (bestEpoch == 2)
        {
            Assert.True(TorchRunner.MaxAbsDiff(straightAverage, exported) <= 1e-4, "the best epoch's export is not its average");
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-0.1")]
    public async Task A_weight_average_decay_outside_zero_to_one_is_refused_before_anything_is_written(string decay)
    {
        var runFolder = Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(2, await TrainerApp.RunAsync(run.Arguments(runFolder, epochs: 1, "--ema", decay)));
        Assert.False(Directory.Exists(runFolder));
    }

    private static float[] RunCheckpoint(string runFolder, string role, float[] input, long[] shape)
    {
        using var module = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        module.load(TinyRunFixture.CheckpointFile(runFolder, role));
        return TorchRunner.Run(module, input, shape);
    }

    [Theory]
    [InlineData("regression", "--mixup", "0.5")]
    [InlineData("regression", "--target", "same-view", "--mixup", "1.5")]
    [InlineData("asym-contrastive", "--mixup", "0.5")]
    public async Task Mixup_without_same_view_targets_or_outside_zero_to_one_is_refused_before_anything_is_written(string loss, params string[] extra)
    {
        var runFolder = Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N"));
        var arguments = run.Arguments(runFolder, epochs: 1, extra).Select(a => a == "asym-contrastive" ? loss : a).ToArray();

        Assert.Equal(2, await TrainerApp.RunAsync(arguments));
        Assert.False(Directory.Exists(runFolder));
    }

    [Fact]
    public async Task Same_view_targets_for_a_tuple_loss_without_an_anchor_term_are_refused_before_anything_is_written()
    {
        var runFolder = Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N"));

        // The fixture's loss is the asymmetric contrastive one: nothing in it aims the anchor at its own teacher vector.
        Assert.Equal(2, await TrainerApp.RunAsync(run.Arguments(runFolder, epochs: 1, "--target", "same-view")));
        Assert.False(Directory.Exists(runFolder));
    }

    [Fact]
    public async Task Same_view_targets_are_refused_when_the_teacher_reads_pixels_differently_from_the_student()
    {
        // The teacher is shown the student's very tensor; a teacher compositing transparency on black would see other pixels.
        var teacherPath = RepoPaths.RequireModel("teacher-resnet18-gem.manifest.json");
        var teacher = ModelManifestJson.Load(teacherPath);
        var otherTeacher = Path.Combine(Path.GetDirectoryName(run.RunFolder)!, "black-background-teacher.manifest.json");
        ModelManifestJson.Save(teacher with
        {
            OnnxFile = ModelManifestJson.OnnxPath(teacher, teacherPath),
            Input = teacher.Input with { AlphaBackground = [0, 0, 0] },
        }, otherTeacher);
        var options = new Training.Loop.TrainingOptions
        {
            Dataset = run.Dataset,
            InitManifest = RepoPaths.RequireModel("student-mnv2-convhead-init.manifest.json"),
            TeacherManifest = otherTeacher,
            OutputDirectory = Path.Combine(Path.GetDirectoryName(run.RunFolder)!, "refused-same-view"),
            ModelId = "smoke-student",
            Loss = Training.Loop.LossKind.Regression,
            Augmentation = Training.Loop.AugmentationMode.Strong,
            Target = Training.Loop.TeacherTarget.SameView,
            CacheDirectory = null,
        };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Training.Loop.TrainingSession.OpenAsync(options, Evaluation.Running.SilentObserver.Instance, CancellationToken.None));

        Assert.Contains("input contracts differ", error.Message, StringComparison.Ordinal);
    }
}

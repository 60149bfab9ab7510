using System.CommandLine;
using System.Diagnostics;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Photos;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;
using RetrievalService.ModelPipeline.Tfjs;
using Spectre.Console;

namespace RetrievalService.ModelTool.Commands;

internal static class FitAdapterCommand
{
    public static Command Create()
    {
        var models = CommonOptions.ModelsDir();
        var data = CommonOptions.DataDir();
        var workers = new Option<int>("--workers") { Description = "Photos embedded in parallel (one ORT thread each).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var views = new Option<int>("--views") { Description = "Views per large photo (whole image + random crops).", DefaultValueFactory = _ => 8 };
        var command = new Command("fit-adapter", "Fit the linear adapter from student GeM features to teacher vectors on the Debian photo pool.") { models, data, workers, views };
        command.SetAction(async (parse, ct) =>
        {
            var (modelsDir, dataDir) = (parse.GetValue(models)!.FullName, parse.GetValue(data)!.FullName);
            var started = Stopwatch.StartNew();
            using var teacher = OnnxEmbedder.Load(ModelArtifactWriter.ManifestPath(modelsDir, TeacherManifest.Id), SingleThread);
            using var features = await LoadFeatureModelAsync(dataDir, ct);
            var pool = PhotoPool.Enumerate(Path.Combine(dataDir, "sources", "debs"));
            var embedder = new PairedEmbedder(features, teacher, parse.GetValue(workers));

            var largeViews = parse.GetValue(views);
            var fitting = EmbedWithProgress(embedder, pool.Where(p => !p.HeldOut).ToList(), p => p.Package == "tuxpaint-stamps-default" ? 2 : largeViews, "fitting photos");
            var heldOut = EmbedWithProgress(embedder, pool.Where(p => p.HeldOut).ToList(), _ => 4, "held-out photos");
            var report = AdapterFitter.Fit(fitting, heldOut) with
            {
                SkippedPhotos = embedder.Skipped.Select(s => $"{s.Key}: {s.Reason}").ToList(),
                Context = new Dictionary<string, string>
                {
                    ["teacherId"] = teacher.Manifest.Id,
                    ["teacherSha256"] = teacher.Manifest.Sha256,
                    ["studentFeaturesSha256"] = features.Manifest.Sha256,
                    ["imageLongerSide"] = teacher.Manifest.Input.RecommendedLongerSide.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["viewsPerPhoto"] = $"whole image + crops (25–100 % area): {largeViews} per photo, 2 per tuxpaint stamp, 4 per held-out photo",
                    ["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
                    ["seconds"] = started.Elapsed.TotalSeconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture),
                },
            };
            AdapterFiles.Save(modelsDir, report);
            Console.WriteLine(AdapterFiles.ReportPath(modelsDir));
            Console.Error.WriteLine($"λ={report.Lambda}; held-out views: cos {report.HeldOutAllViews.MeanCosine:F4}, top-1 {report.HeldOutAllViews.Top1:P1}, top-5 {report.HeldOutAllViews.Top5:P1}");
            return 0;
        });
        return command;
    }

    private static readonly InferenceOptions SingleThread = new() { IntraOpThreads = 1, InterOpThreads = 1 };

    private static async Task<OnnxEmbedder> LoadFeatureModelAsync(string dataDir, CancellationToken ct)
    {
        var backbone = await StudentBackbone.ConvertAsync(dataDir, ct);
        var model = StudentGraphs.WithGemFeatures(backbone, MobileNetV2Backbone.FeaturesOutput, MobileNetV2Backbone.Channels);
        var (_, manifestPath) = ModelArtifactWriter.Write(model, StudentManifests.Features(), Path.Combine(dataDir, "build"));
        return OnnxEmbedder.Load(manifestPath, SingleThread);
    }

    private static IReadOnlyList<PairedSample> EmbedWithProgress(PairedEmbedder embedder, IReadOnlyList<PoolPhoto> photos, Func<PoolPhoto, int> views, string label)
    {
        IReadOnlyList<PairedSample> result = [];
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask(label, maxValue: photos.Count);
            result = embedder.Embed(photos, views, new Progress<int>(done => task.Value = done));
        });
        return result;
    }
}

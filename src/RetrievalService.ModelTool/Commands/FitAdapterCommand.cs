using System.CommandLine;
using System.Diagnostics;
using RetrievalService.DataSources.Photos;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Artifacts;
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
        var views = new Option<int>("--views") { Description = "Views per photo (whole image + random crops); tuxpaint stamps get a quarter.", DefaultValueFactory = _ => 24 };
        var command = new Command("fit-adapter", "Fit the linear adapter from student GeM features to teacher vectors on the Debian photo pool.") { models, data, workers, views };
        command.SetAction((parse, ct) => ModelToolErrors.ReportingAsync("fit-adapter", async () =>
        {
            if (parse.GetValue(workers) < 1 || parse.GetValue(views) < 1)
            {
                return ModelToolErrors.Fail("fit-adapter", "--workers and --views must be at least 1.");
            }
            var (modelsDir, dataDir) = (parse.GetValue(models)!.FullName, parse.GetValue(data)!.FullName);
            var started = Stopwatch.StartNew();
            using var teacher = OnnxEmbedder.Load(ModelArtifactWriter.ManifestPath(modelsDir, TeacherManifest.Id), SingleThread);
            // The photo pool first: a missing unpacked package is reported before the backbone's conversion.
            var pool = PhotoPool.Enumerate(Path.Combine(dataDir, "sources", "debs"));
            using var features = await LoadFeatureModelAsync(dataDir, ct);
            var cache = new PairedSampleCache(Path.Combine(dataDir, "build"));
            var largeViews = parse.GetValue(views);
            // Cut-out stamps are small and plentiful; a few views each keep them from dominating the fit.
            Func<PoolPhoto, int> fittingViews = p => p.Package == "tuxpaint-stamps-default" ? Math.Max(1, largeViews / 4) : largeViews;
            var fitting = Embed(features, teacher, parse.GetValue(workers), cache, pool.Where(p => !p.HeldOut).ToList(), fittingViews, largeViews, "fitting photos");
            var heldOut = Embed(features, teacher, parse.GetValue(workers), cache, pool.Where(p => p.HeldOut).ToList(), _ => HeldOutViews, HeldOutViews, "held-out photos");
            var report = AdapterFitter.Fit(fitting.Samples, heldOut.Samples) with
            {
                SkippedPhotos = [.. fitting.Skipped, .. heldOut.Skipped],
                Context = new Dictionary<string, string>
                {
                    ["teacherId"] = teacher.Manifest.Id,
                    ["teacherSha256"] = teacher.Manifest.Sha256,
                    ["studentFeaturesSha256"] = features.Manifest.Sha256,
                    ["imageLongerSide"] = teacher.Manifest.Input.RecommendedLongerSide.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["viewsPerPhoto"] = $"whole image + crops (25–100 % area): {largeViews} per photo, {fittingViews(pool.First(p => p.Package == "tuxpaint-stamps-default"))} per tuxpaint stamp, {HeldOutViews} per held-out photo",
                    ["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
                    ["seconds"] = started.Elapsed.TotalSeconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture),
                },
            };
            AdapterFiles.Save(modelsDir, report);
            Console.WriteLine(AdapterFiles.ReportPath(modelsDir));
            Console.Error.WriteLine($"λ={report.Lambda}; held-out views: cos {report.HeldOutAllViews.MeanCosine:F4}, top-1 {report.HeldOutAllViews.Top1:P1}, top-5 {report.HeldOutAllViews.Top5:P1}");
            return 0;
        }));
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

    private const int HeldOutViews = 4;

    private static (IReadOnlyList<PairedSample> Samples, IReadOnlyList<string> Skipped) Embed(
        OnnxEmbedder features, OnnxEmbedder teacher, int workers, PairedSampleCache cache,
        IReadOnlyList<PoolPhoto> photos, Func<PoolPhoto, int> views, int viewsSetting, string label)
    {
        var identity = string.Join("\n", [features.Manifest.Sha256, teacher.Manifest.Sha256, viewsSetting.ToString(System.Globalization.CultureInfo.InvariantCulture), .. photos.Select(p => p.Key)]);
        return cache.GetOrCreate(identity, () =>
        {
            var embedder = new PairedEmbedder(features, teacher, workers);
            IReadOnlyList<PairedSample> samples = [];
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask(label, maxValue: photos.Count);
                samples = embedder.Embed(photos, views, new Progress<int>(done => task.Value = done));
            });
            return (samples, embedder.Skipped.Select(s => $"{s.Key}: {s.Reason}").ToList());
        });
    }
}

using System.Globalization;
using System.Text;
using RetrievalService.DecodeBench.Legacy;
using RetrievalService.DecodeBench.Report;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.DecodeBench.Commands;

/// <summary>
/// <c>agreement --folders A,B --models M1,M2 [--every N]</c>: embeds every image of each folder (every N-th file) with
/// each model twice, once from the old ImageSharp path's tensor and once from <see cref="ImagePipeline"/>'s, and reports
/// the cosine of the two vectors per folder and model (mean, 1st percentile, minimum and the file that gave it).
/// </summary>
internal static class AgreementCommand
{
    public const string Mode = "agreement";

    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp"];

    public static int Run(BenchSettings settings)
    {
        var folders = Values(settings, "--folders") ?? throw new ArgumentException("agreement needs --folders A,B,...");
        var models = Values(settings, "--models") ?? throw new ArgumentException("agreement needs --models manifest,...");
        var every = int.Parse(Value(settings, "--every") ?? "1", CultureInfo.InvariantCulture);
        var started = DateTime.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        var old = new LegacyImageSharpPipeline(new LegacyDecodeLimits
        {
            MaxBytes = 200 * 1024 * 1024, MaxWidth = 30_000, MaxHeight = 30_000, MaxPixels = 200_000_000,
        });
        var current = new ImagePipeline(ImageDecodeLimits.LocalFiles);
        var options = new InferenceOptions { ExecutionProvider = ExecutionProviderKind.Cpu, IntraOpThreads = 1 };
        var rows = new List<string>();
        foreach (var manifest in models)
        {
            using var model = OnnxEmbedder.Load(manifest, options);
            var input = model.Manifest.Input;
            var background = input.AlphaBackground.ToArray();
            foreach (var folder in folders)
            {
                var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal).Where((_, i) => i % every == 0).ToList();
                var cosines = new List<(double Cosine, string File)>();
                foreach (var file in files)
                {
                    var bytes = File.ReadAllBytes(file);
                    var planes = old.Prepare(bytes, input.RecommendedLongerSide, input.MinSide, background, out var width, out var height);
                    using var oldTensor = PreprocessedImage.FromPlanes(width, height, planes);
                    using var prepared = current.Prepare(bytes, input);
                    cosines.Add((Dot(model.Embed(oldTensor), model.Embed(prepared.Tensor)), Path.GetRelativePath(folder, file)));
                }
                Progress.Report($"{model.Manifest.Id} × {folder}: {cosines.Count} images");
                rows.Add(Row(model.Manifest.Id, folder, cosines));
            }
        }
        var markdown = Build(settings, rows, started, loadAtStart);
        Console.Write(markdown);
        if (settings.Markdown is not null)
        {
            File.WriteAllText(settings.Markdown, markdown);
        }
        return 0;
    }

    private static string Row(string model, string folder, List<(double Cosine, string File)> cosines)
    {
        var sorted = cosines.OrderBy(c => c.Cosine).ToList();
        var invariant = CultureInfo.InvariantCulture;
        var p1 = sorted[(int)Math.Floor(0.01 * (sorted.Count - 1))].Cosine;
        return string.Create(invariant,
            $"| {model} | `{folder}` | {sorted.Count} | {sorted.Average(c => c.Cosine):F5} | {p1:F5} | {sorted[0].Cosine:F5} | `{sorted[0].File}` |");
    }

    private static string Build(BenchSettings settings, List<string> rows, DateTime started, string loadAtStart)
    {
        var text = new StringBuilder();
        text.AppendLine("# Old and new image pipeline: per-image cosine of the same model's vectors").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {started:yyyy-MM-dd HH:mm}–{DateTime.UtcNow:HH:mm} UTC; load average {loadAtStart} at the start, {MachineInfo.LoadAverage()} at the end; one ONNX Runtime thread.").AppendLine();
        text.AppendLine("```sh").AppendLine($"dotnet run -c Release --project bench/RetrievalService.DecodeBench -- {string.Join(' ', settings.Arguments)}").AppendLine("```").AppendLine();
        text.AppendLine("Each image is prepared by the old ImageSharp 2.1 path (limits raised so nothing is refused) and by the new pipeline,");
        text.AppendLine("both tensors are embedded by the same model, and the cosine of the two vectors is taken (1 = identical).").AppendLine();
        text.AppendLine("| model | folder | images | mean cosine | 1st percentile | min | image with the min |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|");
        rows.ForEach(r => text.AppendLine(r));
        return text.ToString();
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }
        return sum;
    }

    private static string? Value(BenchSettings settings, string name)
    {
        var at = Array.IndexOf(settings.Arguments.ToArray(), name);
        return at >= 0 && at + 1 < settings.Arguments.Count ? settings.Arguments[at + 1] : null;
    }

    private static string[]? Values(BenchSettings settings, string name) =>
        Value(settings, name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

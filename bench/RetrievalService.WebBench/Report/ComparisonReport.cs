using System.Globalization;
using System.Text;
using RetrievalService.Bench;

namespace RetrievalService.WebBench.Report;

/// <summary>Everything <c>web-bench compare</c> measured, as the Markdown it prints and the JSON it writes.</summary>
internal sealed record ComparisonReport(
    DateTimeOffset StartedUtc,
    BenchMachine Machine,
    double[]? LoadAverageBefore,
    double[]? LoadAverageAfter,
    int WarmupRuns,
    int Repeat,
    IReadOnlyList<ModelSummary> Models,
    IReadOnlyDictionary<string, IReadOnlyList<PhotoMeasurement>> Photos)
{
    public string ToMarkdown()
    {
        var table = new MarkdownTable(1,
            "Query model", "Photos", "On-device preprocess p50", "On-device inference p50", "On-device total p50", "On-device total p90",
            "Server decode p50", "Server embed p50", "Server total p50", "Server total p90", "On-device / server (p50)", "Same first result");
        foreach (var m in Models)
        {
            table.Add(m.Model, Invariant($"{m.Measurements}"), Ms(m.PreprocessP50), Ms(m.InferenceP50), Ms(m.OnDeviceP50), Ms(m.OnDeviceP90),
                Ms(m.ServerDecodeP50), Ms(m.ServerEmbedP50), Ms(m.ServerP50), Ms(m.ServerP90), Invariant($"{m.Ratio:F1}×"),
                Invariant($"{m.SameFirstResult}/{m.Measurements}"));
        }
        var text = new StringBuilder();
        text.AppendLine(table.ToString());
        text.AppendLine(Invariant($"Machine: {Machine}. Load average (1/5/15 min) before: {Load(LoadAverageBefore)}, after: {Load(LoadAverageAfter)}. {WarmupRuns} warm-up runs per model on each side, {Repeat} measured run(s) per photo."));
        text.AppendLine();
        text.AppendLine(PerPhotoTable().ToString());
        return text.ToString();
    }

    private MarkdownTable PerPhotoTable()
    {
        var table = new MarkdownTable(4, "Query model", "Photo", "Sizes on the device", "First result (server / on-device)", "Bytes",
            "On-device preprocess", "On-device inference", "Server decode", "Server embed", "On-device top-2 scores");
        foreach (var (model, rows) in Photos)
        {
            foreach (var r in rows)
            {
                var first = r.SameFirstResult ? $"same: {r.ServerFirst}" : $"{r.ServerFirst} / {r.OnDeviceFirst}";
                table.Add(model, r.Photo, r.Size, first, Invariant($"{r.Bytes:N0}"), Ms(r.PreprocessMs), Ms(r.InferenceMs),
                    Ms(r.ServerDecodeMs), Ms(r.ServerEmbedMs), Invariant($"{r.OnDeviceFirstScore:F4}, {r.OnDeviceSecondScore:F4}"));
            }
        }
        return table;
    }

    private static string Ms(double value) => Invariant($"{value:F1} ms");

    private static string Load(double[]? load) => load is null ? "n/a" : string.Join(" / ", load.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

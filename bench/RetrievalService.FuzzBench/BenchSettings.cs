using System.Globalization;
using RetrievalService.Fuzzing.Running;

namespace RetrievalService.FuzzBench;

/// <summary>Command-line settings: <c>--name value</c> pairs, all optional.</summary>
internal sealed record BenchSettings(
    double Seconds, long Count, int Seed, long Start, string? Markdown, string? Tsv, string? Artifacts, long? Replay, string? Dump,
    bool Worker, double HangSeconds, SuspectThresholds Thresholds, string? Debs)
{
    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }
            values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        string? Text(string name) => values.GetValueOrDefault(name);
        double Number(string name, double fallback) =>
            values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        long? Whole(string name) => values.TryGetValue(name, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : null;
        return new BenchSettings(
            Number("seconds", 60),
            Whole("count") ?? long.MaxValue,
            (int)(Whole("seed") ?? 1),
            Whole("start") ?? 0,
            Text("markdown"),
            Text("tsv"),
            Text("artifacts"),
            Whole("replay"),
            Text("dump"),
            values.ContainsKey("worker"),
            Number("hang-seconds", 30),
            new SuspectThresholds(Number("ms", 200), (long)(Number("alloc-mb", 64) * 1048576), (long)(Number("rss-mb", 64) * 1048576)),
            Text("debs"));
    }
}

using System.Globalization;

namespace RetrievalService.StoreBench;

/// <summary>Command-line settings: <c>--name value</c> pairs, all optional.</summary>
internal sealed record BenchSettings(
    int Count, int Dimension, int Clusters, int Queries, int K, int BatchSize, int HnswM, int HnswEfConstruction,
    IReadOnlyList<int> EfSearch, bool Keep)
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
        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var ef = values.TryGetValue("ef-search", out var list)
            ? list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [10, 20, 40, 100, 200, 400];
        return new BenchSettings(Int("count", 100_000), Int("dimension", 512), Int("clusters", 200), Int("queries", 200),
            Int("k", 10), Int("batch", 5000), Int("m", 16), Int("ef-construction", 64), ef, values.ContainsKey("keep"));
    }
}

using System.Text;

namespace RetrievalService.ScaleBench;

/// <summary>What <c>scale-bench load</c> measured, as Markdown tables.</summary>
internal sealed class LoadReport(int count, int k)
{
    public TimeSpan Upsert { get; set; }

    public TimeSpan Build { get; set; }

    public TimeSpan Exact { get; set; }

    public string BuildSettings { get; set; } = "";

    public string Server { get; set; } = "";

    public IReadOnlyList<ServerFacts.Relation> Relations { get; set; } = [];

    public int RealQueries { get; set; }

    public int RealGallery { get; set; }

    public int SyntheticQueries { get; set; }

    public double RealShareOfRealTruth { get; set; }

    public List<(int EfSearch, RecallRun.Row Real, RecallRun.Row Synthetic)> Recall { get; } = [];

    public HalfvecLever.Result? Halfvec { get; set; }

    public string ToMarkdown(IFormatProvider invariant)
    {
        static double MiB(long bytes) => bytes / 1048576.0;
        var text = new StringBuilder();
        text.AppendLine(invariant, $"{Server}. Gallery: {count:N0} × vector(512): {RealGallery:N0} real teacher vectors, the rest clustered synthetic.");
        text.AppendLine();
        text.AppendLine("| Step | Time | Rate |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(invariant, $"| Bulk upsert (no HNSW index) | {Upsert.TotalSeconds:F0} s | {count / Upsert.TotalSeconds:N0} rows/s |");
        text.AppendLine(invariant, $"| HNSW build (CONCURRENTLY, m=16, ef_construction=64; {BuildSettings}) | {Build.TotalSeconds:F0} s ({Build.TotalMinutes:F1} min) | {count / Build.TotalSeconds:N0} rows/s |");
        text.AppendLine(invariant, $"| Exact top-{k} in C# ({RealQueries + SyntheticQueries} queries, recall reference) | {Exact.TotalSeconds:F0} s | |");
        text.AppendLine();
        text.AppendLine("| Relation | Size | TOAST |");
        text.AppendLine("|---|---:|---:|");
        foreach (var relation in Relations)
        {
            text.AppendLine(invariant, $"| `{relation.Name}` | {MiB(relation.Bytes):N0} MiB | {(relation.ToastBytes > 0 ? $"{MiB(relation.ToastBytes):N0} MiB" : "")} |");
        }
        text.AppendLine(invariant, $"| **total** | **{MiB(Relations.Sum(r => r.Bytes + r.ToastBytes)):N0} MiB** | |");
        text.AppendLine();
        text.AppendLine(invariant, $"Real queries: {RealQueries} (their exact top-{k} is {RealShareOfRealTruth:P0} real photos); synthetic queries: {SyntheticQueries}. Store latency: `GalleryStore.SearchAsync` on the primary, one query at a time.");
        text.AppendLine();
        text.AppendLine(invariant, $"| ef_search | recall@{k}, real queries | recall@{k}, synthetic | store p50, real | store p99, real | store p50, synthetic |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (ef, real, synthetic) in Recall)
        {
            text.AppendLine(invariant, $"| {ef} | {real.Recall:F4} | {synthetic.Recall:F4} | {real.P50Ms:F1} ms | {real.P99Ms:F1} ms | {synthetic.P50Ms:F1} ms |");
        }
        if (Halfvec is { } half)
        {
            text.AppendLine();
            text.AppendLine(invariant, $"**halfvec lever** (a copy as `halfvec(512)`, plain SQL, not through the store): copy {half.Copy.TotalSeconds:F0} s; HNSW build (not CONCURRENTLY, same m, ef_construction and build settings) {half.Build.TotalSeconds:F0} s ({half.Build.TotalMinutes:F1} min); table {MiB(half.TableBytes):N0} MiB, HNSW index {MiB(half.IndexBytes):N0} MiB.");
            text.AppendLine();
            text.AppendLine(invariant, $"| ef_search | halfvec recall@{k}, real queries (against the float exact answer) | halfvec p50, real |");
            text.AppendLine("|---:|---:|---:|");
            foreach (var (ef, recall, p50) in half.Recall)
            {
                text.AppendLine(invariant, $"| {ef} | {recall:F4} | {p50:F1} ms |");
            }
        }
        return text.ToString();
    }
}

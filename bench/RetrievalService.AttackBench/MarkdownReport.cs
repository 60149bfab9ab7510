using System.Globalization;
using System.Text;
using RetrievalService.Bench;

namespace RetrievalService.AttackBench;

/// <summary>The tables of docs/results/security, printed on stdout.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Slow(SlowClientReport r, BenchSettings settings)
    {
        var text = new StringBuilder();
        var stallers = settings.Attackers / 2;
        text.AppendLine(Invariant, $"### Slow-client attack ({stallers} stalling + {settings.Attackers - stallers} trickling connections; normal searches at concurrency {r.NormalConcurrency})").AppendLine();
        var searches = new MarkdownTable(1, "Normal searches", "seconds", "requests", "200", "503", "other non-200", "200 p50", "200 p99", "200 max");
        searches.Add(Row("unattacked", r.Unattacked));
        searches.Add(Row("under attack", r.UnderAttack));
        text.Append(searches).AppendLine();
        text.AppendLine(Invariant, $"Targets: 0 × 503 under attack: **{r.UnderAttack.Count(503)}** ({Verdict(r.No503Target)}); " +
            $"p99 under attack ≤ 2 × unattacked: **{Number(r.P99Ratio, "F2")} ×** ({Verdict(r.P99Target)}). " +
            $"API peak RSS during the attack (sampled every 100 ms): {MiB(r.PeakRssSampledKiB)}.").AppendLine();
        var attackers = new MarkdownTable(2, "Attacker", "how it ended (count)", "attackers", "connections", "lifetime p50 (server ended it)", "p99", "max", "open at the end");
        foreach (var a in r.Attackers)
        {
            attackers.Add(a.Mode == AttackMode.Stall
                    ? $"stall ({settings.StallSentBytes / 1024} KiB of a declared {settings.StallDeclaredBytes / 1024 / 1024} MiB, then silence)"
                    : $"trickle ({settings.TrickleBytesPerSecond} B/s multipart)",
                Attackers.FormatResults(a.Results), $"{a.Attackers}", $"{a.Connections}",
                Ms(a.LifetimeEndedByServer.P50Ms), Ms(a.LifetimeEndedByServer.P99Ms), Ms(a.LifetimeEndedByServer.MaxMs), $"{a.LifetimeOpenAtEnd.Count}");
        }
        text.Append(attackers).AppendLine();
        text.AppendLine(ServerLine("Server-side mean duration of POST /search during the attack (normal and hostile requests)", r.ServerMeansDuringAttack));
        return text.ToString();
    }

    public static string Overload(OverloadReport r)
    {
        var o = r.Outcome;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"### Overload ({r.Clients} clients searching back to back, no pause after a 503)").AppendLine();
        var table = new MarkdownTable(0, "seconds", "requests", "200", "503", "other non-200", "200/s", "200 p50", "200 p99", "503 p50", "503 p99", "API RSS before", "peak RSS (sampled)", "VmHWM after");
        table.Add(Number(o.Seconds, "F1"), $"{o.Requests}", $"{o.Count(200)}", $"{o.Count(503)}", $"{o.NotOk - o.Count(503)}", Number(o.OkPerSecond, "F1"),
            Ms(o.Ok.P50Ms), Ms(o.Ok.P99Ms), Ms(o.Saturated.P50Ms), Ms(o.Saturated.P99Ms), MiB(r.RssBeforeKiB), MiB(r.PeakRssSampledKiB), MiB(r.VmHwmAfterKiB));
        text.Append(table).AppendLine();
        text.AppendLine(Invariant, $"Status counts: {Attackers.FormatResults(o.StatusCounts)}. Target 503 p50 ≤ {OverloadReport.Fast503P50Ms} ms: " +
            $"{(o.Saturated.Count == 0 ? "no 503 at all" : Ms(o.Saturated.P50Ms))} ({Verdict(r.Fast503Target)}).").AppendLine();
        text.AppendLine(ServerLine("Server-side mean duration of POST /search (Kestrel's histogram, from the request's start)", r.ServerMeans));
        return text.ToString();
    }

    public static string Memory(MemoryReport r)
    {
        var text = new StringBuilder();
        text.AppendLine("### Memory per request at the image limits (raw-body searches; VmHWM reset before each level)").AppendLine();
        var table = new MarkdownTable(0, "image", "file", "concurrent", "requests", "200", "API peak RSS", "per request over the baseline");
        foreach (var l in r.Levels)
        {
            table.Add(l.Image, MiB(l.ImageBytes / 1024), $"{l.Concurrency}", $"{l.Requests}", $"{l.Ok}", MiB(l.PeakKiB), Number(l.PerRequestMiB, "F0") + " MiB");
        }
        text.Append(table).AppendLine();
        text.AppendLine(Invariant, $"Baseline (peak RSS around one normal search): {MiB(r.BaselineKiB)}; largest cost per request: {Number(r.PerRequestPeakMiB, "F0")} MiB.");
        return text.ToString();
    }

    private static string[] Row(string name, SearchOutcome o) =>
        [name, Number(o.Seconds, "F1"), $"{o.Requests}", $"{o.Count(200)}", $"{o.Count(503)}", $"{o.NotOk - o.Count(503)}", Ms(o.Ok.P50Ms), Ms(o.Ok.P99Ms), Ms(o.Ok.MaxMs)];

    private static string ServerLine(string title, IReadOnlyList<ServerTimings.MeanByStatus>? means) =>
        means is null ? $"{title}: /metrics not readable." : $"{title}: " + string.Join(", ", means.Select(m => $"{m.Status}: {m.Count} × {Ms(m.MeanMs)}")) + ".";

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Number(double? value, string format) => value?.ToString(format, Invariant) ?? "–";

    private static string Ms(double? value) => value is null ? "–" : $"{value.Value.ToString("F1", Invariant)} ms";

    private static string MiB(long? kib) => kib is null ? "n/a" : $"{(kib.Value / 1024.0).ToString("F0", Invariant)} MiB";
}

using System.Diagnostics;

namespace RetrievalService.AttackBench;

/// <summary>Scenario (b): many clients searching back to back, far past what the machine can embed; refusals must be quick and memory bounded.</summary>
internal sealed record OverloadReport(
    int Clients, SearchOutcome Outcome, IReadOnlyList<ServerTimings.MeanByStatus>? ServerMeans, long? RssBeforeKiB, long? PeakRssSampledKiB, long? VmHwmAfterKiB, bool Fast503Target)
{
    public const double Fast503P50Ms = 20;

    public static async Task<OverloadReport> RunAsync(BenchSettings settings, ApiProcessMemory? memory, Action<string> progress)
    {
        progress($"overload: {settings.OverloadClients} clients for {settings.OverloadSeconds} s");
        using var client = new SearchClient(settings, settings.OverloadClients);
        var before = memory?.RssKiB();
        var metricsBefore = await ServerTimings.ReadAsync(client.Http);
        using var stop = new CancellationTokenSource();
        var rss = memory?.SamplePeakAsync(stop.Token) ?? Task.FromResult<long?>(null);
        var watch = Stopwatch.StartNew();
        var samples = await ClosedLoop.RunAsync(client, settings.OverloadClients, TimeSpan.FromSeconds(settings.OverloadSeconds));
        var outcome = SearchOutcome.Of(samples, watch.Elapsed.TotalSeconds);
        await stop.CancelAsync();
        var peak = await rss;
        var serverMeans = ServerTimings.Difference(metricsBefore, await ServerTimings.ReadAsync(client.Http));
        return new OverloadReport(settings.OverloadClients, outcome, serverMeans, before, peak, memory?.PeakRssKiB(),
            Fast503Target: outcome.Saturated.P50Ms is null or <= Fast503P50Ms);
    }
}

using System.Diagnostics;

namespace RetrievalService.AttackBench;

/// <summary>Scenario (a): the same normal searches without and then with a crowd of slow hostile uploads.</summary>
internal sealed record SlowClientReport(
    int NormalConcurrency, SearchOutcome Unattacked, SearchOutcome UnderAttack, IReadOnlyList<AttackerReport> Attackers,
    IReadOnlyList<ServerTimings.MeanByStatus>? ServerMeansDuringAttack,
    long? PeakRssSampledKiB, double? P99Ratio, bool No503Target, bool P99Target)
{
    public static async Task<SlowClientReport> RunAsync(BenchSettings settings, SearchClient client, ApiProcessMemory? memory, Action<string> progress)
    {
        progress($"slow clients: {settings.BaselineSeconds} s of unattacked searches at concurrency {settings.NormalConcurrency}");
        var watch = Stopwatch.StartNew();
        var unattackedSamples = await ClosedLoop.RunAsync(client, settings.NormalConcurrency, TimeSpan.FromSeconds(settings.BaselineSeconds));
        var unattacked = SearchOutcome.Of(unattackedSamples, watch.Elapsed.TotalSeconds);

        progress($"slow clients: {settings.Attackers} attackers for {settings.AttackRampSeconds} s, then {settings.AttackSeconds} s of searches beside them");
        var metricsBefore = await ServerTimings.ReadAsync(client.Http);
        using var stop = new CancellationTokenSource();
        var attackers = new Attackers(settings);
        var attack = attackers.RunAsync(stop.Token);
        var rss = memory?.SamplePeakAsync(stop.Token) ?? Task.FromResult<long?>(null);
        // The ramp lets every attacker connect and start its body first, so each normal search meets the full crowd.
        await Task.Delay(TimeSpan.FromSeconds(settings.AttackRampSeconds));
        watch.Restart();
        var attackedSamples = await ClosedLoop.RunAsync(client, settings.NormalConcurrency, TimeSpan.FromSeconds(settings.AttackSeconds));
        var underAttack = SearchOutcome.Of(attackedSamples, watch.Elapsed.TotalSeconds);
        await stop.CancelAsync();
        await attack;
        var peak = await rss;
        // Taken once the attackers are gone, so their answers (408s, 400s) are counted too.
        var serverMeans = ServerTimings.Difference(metricsBefore, await ServerTimings.ReadAsync(client.Http));

        var ratio = underAttack.Ok.P99Ms / unattacked.Ok.P99Ms;
        return new SlowClientReport(settings.NormalConcurrency, unattacked, underAttack, attackers.Reports(), serverMeans, peak, ratio,
            No503Target: underAttack.Count(503) == 0, P99Target: ratio is <= 2.0);
    }
}

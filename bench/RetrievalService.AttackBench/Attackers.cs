using System.Collections.Concurrent;
using System.Globalization;

namespace RetrievalService.AttackBench;

/// <summary>What one kind of attacker got: how many connections it opened, how they ended, and how long the server let them live.</summary>
internal sealed record AttackerReport(AttackMode Mode, int Attackers, int Connections, IReadOnlyDictionary<string, int> Results, LatencySummary LifetimeEndedByServer, LatencySummary LifetimeOpenAtEnd);

/// <summary>
/// A crowd of hostile connections: half stall, half trickle, each re-opened as soon as the server ends it, until stopped.
/// </summary>
internal sealed class Attackers(BenchSettings settings)
{
    private readonly ConcurrentBag<AttackOutcome> outcomes = [];
    private readonly byte[] body = HostileConnection.Body(settings.QueryPath);

    public async Task RunAsync(CancellationToken stop)
    {
        var stallers = settings.Attackers / 2;
        await Task.WhenAll(Enumerable.Range(0, settings.Attackers).Select(i =>
            AttackLoopAsync(i < stallers ? AttackMode.Stall : AttackMode.Trickle, TimeSpan.FromMilliseconds(20 * i), stop)));
    }

    public IReadOnlyList<AttackerReport> Reports()
    {
        var stallers = settings.Attackers / 2;
        return [Report(AttackMode.Stall, stallers), Report(AttackMode.Trickle, settings.Attackers - stallers)];
    }

    private async Task AttackLoopAsync(AttackMode mode, TimeSpan stagger, CancellationToken stop)
    {
        // Staggered starts: fifty connects in the same millisecond would measure the accept queue, not the attack.
        try
        {
            await Task.Delay(stagger, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stop.IsCancellationRequested)
        {
            var outcome = await HostileConnection.RunAsync(mode, settings, body, stop);
            outcomes.Add(outcome);
            if (outcome.Result == "connect-failed")
            {
                // A refused connect would otherwise spin; a real attacker would retry about this fast.
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private AttackerReport Report(AttackMode mode, int attackers)
    {
        var mine = outcomes.Where(o => o.Mode == mode).ToList();
        var ended = mine.Where(o => o.Result != "open-at-end").Select(o => o.LifetimeMs);
        var open = mine.Where(o => o.Result == "open-at-end").Select(o => o.LifetimeMs);
        return new AttackerReport(mode, attackers, mine.Count,
            mine.GroupBy(o => o.Result).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            LatencySummary.Of(ended), LatencySummary.Of(open));
    }

    public static string FormatResults(IReadOnlyDictionary<string, int> results) =>
        string.Join(", ", results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}: {r.Value}")));
}

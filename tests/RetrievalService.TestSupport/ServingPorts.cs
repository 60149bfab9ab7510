using System.Collections.Concurrent;
using System.Diagnostics;

namespace RetrievalService.TestSupport;

/// <summary>
/// Which server ran which statements, from Npgsql's own tracing (its <c>Npgsql</c> activity source tags each command with
/// <c>server.port</c>): tests see where the store sent a query without the store reporting it. Only the nodes of one
/// <see cref="ReplicatedCluster"/> count, since tests running beside it query other servers in the same process.
/// </summary>
public sealed class ServingPorts : IDisposable
{
    private readonly ConcurrentQueue<(int Port, string Text)> commands = new();
    private readonly ActivityListener listener;
    private readonly HashSet<int> watched;

    public ServingPorts(ReplicatedCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        watched = [cluster.PrimaryPort, .. cluster.StandbyPorts];
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The ports of the cluster's servers that ran a statement containing <paramref name="sqlFragment"/>, one per statement.</summary>
    public IReadOnlyList<int> Of(string sqlFragment) =>
        commands.Where(c => c.Text.Contains(sqlFragment, StringComparison.Ordinal)).Select(c => c.Port).ToList();

    public void Clear() => commands.Clear();

    public void Dispose() => listener.Dispose();

    private void Record(Activity activity)
    {
        if (activity.GetTagItem("server.port") is { } tag && activity.GetTagItem("db.query.text") is string text
            && Convert.ToInt32(tag, System.Globalization.CultureInfo.InvariantCulture) is var port && watched.Contains(port))
        {
            commands.Enqueue((port, text));
        }
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RetrievalService.Indexing.Tests.Infrastructure;

public sealed partial class IndexerRunner
{
    /// <summary>
    /// Starts the real CLI (give it a small <c>--batch-size</c> and a <c>--pause-after-batch-ms</c> so that it is still
    /// running) and kills it once it reports its first commit; returns how many files it reported stored by then.
    /// </summary>
    public async Task<int> KillAfterFirstBatchAsync(params string[] args)
    {
        using var child = await StartChildAsync(args);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await child.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (Committed().Match(line) is { Success: true } match)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(timeout.Token);
                await stdout;
                return int.Parse(match.Groups["stored"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        await child.WaitForExitAsync(timeout.Token);
        throw new Xunit.Sdk.XunitException($"The indexer (exit {child.ExitCode}) never reported a batch:\n{string.Join('\n', seen)}");
    }

    /// <summary>
    /// Starts the real CLI, sends it <paramref name="signal"/> (<c>INT</c>, <c>TERM</c>) as soon as it reports its first
    /// commit, and lets it finish; returns its exit code, what it reported stored before the signal, and its stderr.
    /// </summary>
    public async Task<(int Exit, int StoredBefore, string Stderr)> SignalAfterFirstBatchAsync(string signal, params string[] args)
    {
        using var child = await StartChildAsync(args);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var seen = new List<string>();
        int? storedBefore = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            while (await child.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.Add(line);
                if (storedBefore is null && Committed().Match(line) is { Success: true } match)
                {
                    storedBefore = int.Parse(match.Groups["stored"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    using var kill = Process.Start("kill", ["-s", signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    await kill.WaitForExitAsync(timeout.Token);
                }
            }
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The indexer did not end within two minutes:\n{string.Join('\n', seen)}");
        }
        await stdout;
        return storedBefore is { } stored
            ? (child.ExitCode, stored, string.Join('\n', seen))
            : throw new Xunit.Sdk.XunitException($"The indexer (exit {child.ExitCode}) never reported a batch:\n{string.Join('\n', seen)}");
    }

    [GeneratedRegex(@"^indexer: committed \d+/\d+ \((?<stored>\d+) stored")]
    private static partial Regex Committed();
}

using System.Diagnostics;
using System.Globalization;

namespace RetrievalService.Training.Tests.Trainer;

public sealed partial class TrainerSmokeTests
{
    [Fact]
    public async Task Sigint_with_cached_teacher_vectors_stops_after_the_epoch_with_code_130_and_says_so()
    {
        Assert.Equal(0, run.ExitCode);
        // The fixture's run filled the cache, so no embedding is awaited before the epochs start.
        var runFolder = Path.Combine(Path.GetDirectoryName(run.RunFolder)!, "interrupted");
        using var child = StartTrainer(run.Arguments(runFolder, epochs: 200));
        var stdout = child.StandardOutput.ReadToEndAsync();
        var seen = new List<string>();
        var signalled = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            while (await child.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.Add(line);
                if (!signalled && line.StartsWith("epoch 1:", StringComparison.Ordinal))
                {
                    signalled = true;
                    using var kill = Process.Start("kill", ["-s", "INT", child.Id.ToString(CultureInfo.InvariantCulture)]);
                    await kill.WaitForExitAsync(timeout.Token);
                }
            }
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The trainer did not end within three minutes:\n{string.Join('\n', seen)}");
        }
        await stdout;

        var stderr = string.Join('\n', seen);
        Assert.True(signalled, $"The trainer never reported an epoch:\n{stderr}");
        Assert.Equal(130, child.ExitCode);
        Assert.Contains("trainer: stopped on request", stderr, StringComparison.Ordinal);
        Assert.InRange(TinyRunFixture.ReadCheckpoint(runFolder).GetProperty("completedEpochs").GetInt32(), 1, 199);
    }

    private static Process StartTrainer(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trainer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}

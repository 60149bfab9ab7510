using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using RetrievalService.Fuzzing;
using RetrievalService.Fuzzing.Running;

namespace RetrievalService.FuzzBench;

/// <summary>
/// Runs the fuzz loop in a child worker process so that a native crash or a hang in the decoder is recorded
/// against the input that caused it (the one after the last reported) instead of ending the run; the worker is
/// then restarted after that input.
/// </summary>
internal sealed class Supervisor(BenchSettings settings, Action<string> progress)
{
    private readonly List<InputResult> results = [];
    private MutationEngine? engine;

    public IReadOnlyList<InputResult> Run()
    {
        var clock = Stopwatch.StartNew();
        var next = settings.Start;
        while (clock.Elapsed.TotalSeconds < settings.Seconds - 1 && next - settings.Start < settings.Count)
        {
            var finished = RunWorker(next, settings.Seconds - clock.Elapsed.TotalSeconds, settings.Count - (next - settings.Start), out next);
            if (finished)
            {
                break;
            }
        }
        return results;
    }

    /// <summary>One worker's life; returns true when it ran out of time or inputs normally.</summary>
    private bool RunWorker(long start, double seconds, long count, out long next)
    {
        next = start;
        using var worker = Process.Start(WorkerStartInfo(start, seconds, count))
            ?? throw new InvalidOperationException("Could not start the fuzz worker.");
        var stderr = new StderrTail(worker);
        var lastProgress = Stopwatch.StartNew();
        while (true)
        {
            var read = worker.StandardOutput.ReadLineAsync();
            if (!read.Wait(TimeSpan.FromSeconds(settings.HangSeconds)))
            {
                worker.Kill(entireProcessTree: true);
                worker.WaitForExit();
                Record(next, Outcome.Hung, $"no result within {settings.HangSeconds:F0} s", stderr.Text, settings.HangSeconds * 1000);
                next++;
                return false;
            }
            if (read.Result is not { } line)
            {
                worker.WaitForExit();
                if (worker.ExitCode == 0)
                {
                    return true;
                }
                Record(next, Outcome.Crashed, $"exit code {worker.ExitCode}", stderr.Text, 0);
                next++;
                return false;
            }
            if (ResultLine.TryParse(line) is not { } result)
            {
                progress($"not a result line after #{next - 1}: {line[..Math.Min(line.Length, 200)]}");
                continue;
            }
            results.Add(result);
            next = result.Index + 1;
            if (lastProgress.Elapsed.TotalSeconds >= 30)
            {
                progress($"{results.Count:N0} inputs, up to #{result.Index}; {results.Count(r => r.Outcome is Outcome.Failed or Outcome.Crashed or Outcome.Hung)} failures");
                lastProgress.Restart();
            }
        }
    }

    private void Record(long index, Outcome outcome, string detail, string message, double milliseconds)
    {
        engine ??= Worker.CreateEngine(settings);
        var mutant = engine.Generate(index);
        progress($"#{index} {outcome}: {detail}: {mutant.Label}");
        results.Add(new InputResult(index, mutant.Label, mutant.Bytes.Length, outcome, detail,
            message.ReplaceLineEndings(" ⏎ ").Replace('\t', ' '), milliseconds, 0, null, null));
    }

    private ProcessStartInfo WorkerStartInfo(long start, double seconds, long count)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the worker from.");
        info.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }
        string[] args =
        [
            "--worker", "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture), "--start", start.ToString(CultureInfo.InvariantCulture),
            "--seconds", seconds.ToString("F1", CultureInfo.InvariantCulture), "--count", count.ToString(CultureInfo.InvariantCulture),
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        if (settings.Debs is { } debs)
        {
            info.ArgumentList.Add("--debs");
            info.ArgumentList.Add(debs);
        }
        return info;
    }

    /// <summary>The last few KB a worker wrote to stderr: a native crash's last words.</summary>
    private sealed class StderrTail
    {
        private readonly Lock gate = new();
        private string text = "";

        public StderrTail(Process process)
        {
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lock (gate)
                    {
                        text = (text + "\n" + line)[^Math.Min(text.Length + line.Length + 1, 4096)..];
                    }
                }
            };
            process.BeginErrorReadLine();
        }

        public string Text
        {
            get
            {
                lock (gate)
                {
                    return text.Trim();
                }
            }
        }
    }
}

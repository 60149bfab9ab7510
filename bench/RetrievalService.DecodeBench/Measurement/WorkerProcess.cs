using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RetrievalService.DecodeBench.Commands;

namespace RetrievalService.DecodeBench.Measurement;

/// <summary>Starts this program again in <c>worker</c> mode for one library and one folder, and reads its result.</summary>
internal static class WorkerProcess
{
    public static DecoderTiming Run(string library, string folder, BenchSettings settings)
    {
        var start = SelfStartInfo();
        foreach (var argument in new[]
        {
            WorkerCommand.Mode, "--library", library, "--folder", Path.GetFullPath(folder),
            "--repetitions", Text(settings.Repetitions), "--warmups", Text(settings.Warmups),
            "--warmup-seconds", settings.WarmupSeconds.ToString(CultureInfo.InvariantCulture), "--longer-side", Text(settings.LongerSide),
        })
        {
            start.ArgumentList.Add(argument);
        }
        // libvips sizes its thread pool from this at start-up; the worker also sets it through the API.
        start.Environment["VIPS_CONCURRENCY"] = "1";
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker process.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {library} worker on {folder} exited with {process.ExitCode}.");
        }
        var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonSerializer.Deserialize<DecoderTiming>(json) ?? throw new InvalidDataException($"The worker printed no result: {output}");
    }

    private static ProcessStartInfo SelfStartInfo()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable is running.");
        // Under "dotnet decode-bench.dll" the process is the dotnet host, which needs the assembly named again.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            var start = new ProcessStartInfo(self);
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "decode-bench.dll"));
            return start;
        }
        return new ProcessStartInfo(self);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

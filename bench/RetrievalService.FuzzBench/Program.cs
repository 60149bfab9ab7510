using System.Diagnostics;
using RetrievalService.FuzzBench;
using RetrievalService.Fuzzing.Running;
using RetrievalService.Fuzzing.Seeds;

// Decode fuzzing of the image pipeline for docs/results/image-pipeline/fuzz.md: summary on stdout, progress on stderr.
var settings = BenchSettings.Parse(args);
void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

if (settings.Worker)
{
    return Worker.Run(settings);
}
if (settings.Replay is { } index)
{
    return Replay.Run(settings, index);
}

var seeds = SeedCorpus.Build(settings.Debs ?? SeedPhotos.DefaultDebsDirectory()).Count;
Progress($"fuzzing for {settings.Seconds:F0} s (engine seed {settings.Seed}, {seeds} seeds, from #{settings.Start})");
var wall = Stopwatch.StartNew();
var results = new Supervisor(settings, Progress).Run();
wall.Stop();
var summary = FuzzSummary.Of(results, settings.Thresholds);
var command = "dotnet run -c Release --project bench/RetrievalService.FuzzBench -- " + string.Join(' ', args);
var markdown = MarkdownReport.Write(summary, settings, MachineInfo.Current(), command, wall.Elapsed, seeds);
Console.WriteLine(markdown);
if (settings.Markdown is { } markdownPath)
{
    File.WriteAllText(markdownPath, markdown);
}
if (settings.Tsv is { } tsvPath)
{
    File.WriteAllLines(tsvPath, [ResultLine.Header, .. results.Select(ResultLine.Format)]);
}
if (settings.Artifacts is { } artifacts)
{
    Directory.CreateDirectory(artifacts);
    var engine = Worker.CreateEngine(settings);
    foreach (var (result, _) in summary.Findings)
    {
        File.WriteAllBytes(Path.Combine(artifacts, $"mutant-{settings.Seed}-{result.Index}.bin"), engine.Generate(result.Index).Bytes);
    }
}
return summary.Failures == 0 ? 0 : 1;

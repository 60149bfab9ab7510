using RetrievalService.Fuzzing.Running;

namespace RetrievalService.FuzzBench;

/// <summary><c>--replay INDEX</c>: regenerates one mutant, optionally writes its bytes (<c>--dump FILE</c>), and runs it once.</summary>
internal static class Replay
{
    public static int Run(BenchSettings settings, long index)
    {
        var mutant = Worker.CreateEngine(settings).Generate(index);
        if (settings.Dump is { } path)
        {
            File.WriteAllBytes(path, mutant.Bytes);
            Console.Error.WriteLine($"wrote {mutant.Bytes.Length} bytes to {path}");
        }
        Console.WriteLine($"#{index} ({mutant.Bytes.Length} bytes): {mutant.Label}");
        var result = new FuzzRunner(PipelineTarget.Default(), measureResidentMemory: true).Run(mutant);
        Console.WriteLine($"{result.Outcome} {result.Detail}: {result.Milliseconds:F1} ms, {result.AllocatedBytes / 1048576.0:F1} MiB managed, " +
            $"+{(result.RssGrowthBytes ?? 0) / 1048576.0:F1} MiB resident");
        if (result.Message is not null)
        {
            Console.WriteLine(result.Message);
        }
        return result.Outcome == Outcome.Failed ? 1 : 0;
    }
}

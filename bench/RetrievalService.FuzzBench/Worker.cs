using RetrievalService.Fuzzing;
using RetrievalService.Fuzzing.Running;
using RetrievalService.Fuzzing.Seeds;

namespace RetrievalService.FuzzBench;

/// <summary>
/// The process that actually decodes: runs mutants <c>start, start+1, …</c> until the time or count runs out and
/// writes one <see cref="ResultLine"/> per input to stdout, flushed, so the supervisor always knows the last input
/// that finished if this process dies.
/// </summary>
internal static class Worker
{
    public static int Run(BenchSettings settings)
    {
        var engine = CreateEngine(settings);
        var runner = new FuzzRunner(PipelineTarget.Default(), measureResidentMemory: true);
        var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        var deadline = DateTime.UtcNow.AddSeconds(settings.Seconds);
        for (var index = settings.Start; index - settings.Start < settings.Count && DateTime.UtcNow < deadline; index++)
        {
            stdout.WriteLine(ResultLine.Format(runner.Run(engine.Generate(index))));
        }
        return 0;
    }

    public static MutationEngine CreateEngine(BenchSettings settings) =>
        new(SeedCorpus.Build(settings.Debs ?? SeedPhotos.DefaultDebsDirectory()), settings.Seed);
}

using System.Diagnostics;
using RetrievalService.Fuzzing;
using RetrievalService.Fuzzing.Running;
using Xunit.Abstractions;

namespace RetrievalService.Embedding.Tests.Images.Fuzzing;

/// <summary>
/// A 30-second slice of the decode fuzzer (bench/RetrievalService.FuzzBench runs it for as long as asked): mutants of
/// real photos go through <c>ImagePipeline.Prepare</c>, and each must come back prepared or rejected.
/// </summary>
public sealed class DecodeFuzzTests(SeedCorpusFixture corpus, ITestOutputHelper output) : IClassFixture<SeedCorpusFixture>
{
    private const int EngineSeed = 20_260_101;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);
    private const int MaxInputs = 20_000;

    // A hang detector, not a benchmark: the pipeline's own decode deadline is 2 s, so an input may legitimately take
    // a little over 2 s before it is rejected as too complex; 5 s leaves room for a loaded 2-core CI machine.
    private const double HangMilliseconds = 5_000;

    [Fact]
    public void Every_seed_photo_is_prepared_in_every_encoding()
    {
        var run = PipelineTarget.Default();
        foreach (var seed in corpus.Seeds)
        {
            run(seed.Bytes);
        }
        Assert.Contains(corpus.Seeds, s => s.Name.EndsWith(".jpeg-progressive", StringComparison.Ordinal));
        Assert.Equal(5, corpus.Seeds.Select(s => s.Format).Distinct().Count());
    }

    [Fact]
    public void A_mutant_is_the_same_bytes_whenever_it_is_generated()
    {
        var engine = new MutationEngine(corpus.Seeds, EngineSeed);
        var later = engine.Generate(1_234);
        var again = new MutationEngine(corpus.Seeds, EngineSeed).Generate(1_234);

        Assert.Equal(later.Label, again.Label);
        Assert.Equal(later.Bytes, again.Bytes);
        Assert.NotEqual(later.Bytes, new MutationEngine(corpus.Seeds, EngineSeed + 1).Generate(1_234).Bytes);
    }

    [Fact]
    public void Thirty_seconds_of_mutated_photos_are_only_ever_prepared_or_rejected()
    {
        var engine = new MutationEngine(corpus.Seeds, EngineSeed);
        var runner = new FuzzRunner(PipelineTarget.Default());
        var results = new List<InputResult>();
        var clock = Stopwatch.StartNew();
        for (var index = 0L; index < MaxInputs && clock.Elapsed < Budget; index++)
        {
            results.Add(runner.Run(engine.Generate(index)));
        }

        var summary = FuzzSummary.Of(results, new SuspectThresholds(Milliseconds: HangMilliseconds, AllocatedBytes: long.MaxValue, RssGrowthBytes: long.MaxValue));
        output.WriteLine($"{summary.Inputs} inputs in {clock.Elapsed.TotalSeconds:F0} s; p99 {summary.P99Milliseconds:F1} ms, max {summary.MaxMilliseconds:F0} ms; " +
            $"max managed allocation {summary.MaxAllocatedBytes / 1048576.0:F1} MiB");
        foreach (var (outcome, count) in summary.Outcomes)
        {
            output.WriteLine($"  {outcome}: {count}");
        }
        foreach (var slow in summary.Slowest.Take(3))
        {
            output.WriteLine($"  slow: #{slow.Index} {slow.Milliseconds:F0} ms {slow.Label}");
        }
        Assert.True(summary.Findings.Count == 0, string.Join(Environment.NewLine, summary.Findings.Select(f =>
            $"#{f.Result.Index} [{f.Why}] {f.Result.Label}: {f.Result.Message} " +
            $"(replay: dotnet run -c Release --project bench/RetrievalService.FuzzBench -- --seed {EngineSeed} --replay {f.Result.Index} --dump /tmp/mutant.bin)")));
        // About 150 inputs a second run alone here; other test classes share the cores, so only insist that the loop ran.
        Assert.True(summary.Inputs >= 300, $"Only {summary.Inputs} inputs ran in {Budget.TotalSeconds} s.");
    }
}

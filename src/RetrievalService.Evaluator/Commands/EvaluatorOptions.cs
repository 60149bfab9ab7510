using System.CommandLine;
using RetrievalService.Evaluation.Caching;

namespace RetrievalService.Evaluator.Commands;

/// <summary>Options shared by <c>evaluate</c> and <c>compare</c>; relative paths resolve against the working directory.</summary>
internal sealed class EvaluatorOptions
{
    public Option<string> Dataset { get; } = new("--dataset")
    {
        Description = "Dataset: a folder with gnd.json, a revisitop gnd_*.pkl (images in jpg/ beside it), or a folder holding one.",
        Required = true,
    };

    public Option<int?> Size { get; } = new("--size") { Description = "Gallery longer side in pixels (default: the gallery manifest's recommended side)." };

    public Option<int?> QuerySize { get; } = new("--query-size") { Description = "Query longer side (default: --size, else the query manifest's side)." };

    public Option<bool> MultiScale { get; } = new("--multiscale") { Description = "Embed the gallery at scales 1, 1/√2, 1/2 combined by the GeM power mean (p = 3)." };

    public Option<string?> WhitenOn { get; } = new("--whiten-on") { Description = "Dataset to learn whitening on with the gallery model; applied to gallery and queries." };

    public Option<int> Threads { get; } = new("--threads") { Description = "ONNX Runtime intra-op threads per model.", DefaultValueFactory = _ => 1 };

    public Option<int> Workers { get; } = new("--workers") { Description = "Threads that decode and resize images (1–2 suit a small machine).", DefaultValueFactory = _ => 1 };

    public Option<string> CacheDir { get; } = new("--cache-dir") { Description = "Embedding cache folder.", DefaultValueFactory = _ => EmbeddingCache.DefaultDirectory };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Neither read nor write cached embeddings." };

    public Option<string?> Json { get; } = new("--json") { Description = "Write the report as JSON to this file." };

    public Option<string?> Markdown { get; } = new("--markdown") { Description = "Write the report as Markdown to this file." };

    public void AddTo(Command command)
    {
        Option[] all = [Dataset, Size, QuerySize, MultiScale, WhitenOn, Threads, Workers, CacheDir, NoCache, Json, Markdown];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    public string? CacheDirectory(ParseResult parse) => parse.GetValue(NoCache) ? null : parse.GetValue(CacheDir);
}

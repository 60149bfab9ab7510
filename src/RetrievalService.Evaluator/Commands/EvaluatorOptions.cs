using System.CommandLine;
using RetrievalService.Embedding.Retrieval;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Evaluation.Running;

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

    public Option<int?> QueryExpansion { get; } = new("--query-expansion")
    {
        Description = "αQE: fold each query's top k gallery vectors into it, weighted by similarity^α, and search again (both modes alike).",
    };

    public Option<double> QeAlpha { get; } = new("--qe-alpha")
    {
        Description = "α of --query-expansion (0: plain average query expansion).",
        DefaultValueFactory = _ => Evaluation.Search.QueryExpansion.DefaultAlpha,
    };

    public Option<int> Threads { get; } = new("--threads") { Description = "ONNX Runtime intra-op threads per model.", DefaultValueFactory = _ => 1 };

    public Option<int> Workers { get; } = new("--workers") { Description = "Threads that decode and resize images (1–2 suit a small machine).", DefaultValueFactory = _ => 1 };

    public Option<string> CacheDir { get; } = new("--cache-dir") { Description = "Embedding cache folder.", DefaultValueFactory = _ => EmbeddingCache.DefaultDirectory };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Neither read nor write cached embeddings." };

    public Option<string?> Json { get; } = new("--json") { Description = "Write the report as JSON to this file." };

    public Option<string?> Markdown { get; } = new("--markdown") { Description = "Write the report as Markdown to this file." };

    public EvaluatorOptions()
    {
        // A usage error, reported before any model loads, rather than an exception from the search.
        QueryExpansion.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > AlphaQueryExpansion.MaxNeighbours)
            {
                result.AddError($"--query-expansion must be between 1 and {AlphaQueryExpansion.MaxNeighbours} (the number of gallery vectors folded into each query).");
            }
        });
        QeAlpha.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var alpha && (!(alpha >= 0) || double.IsInfinity(alpha)))
            {
                result.AddError("--qe-alpha must be a finite number ≥ 0.");
            }
        });
    }

    // The decoding pipeline's own limit (PipelineOptions), checked here so that it reads as an input error.
    private const int MaxDecodeWorkers = 16;

    private static int InRange(int value, string option, int minimum, int maximum) => value >= minimum && value <= maximum ? value
        : throw new EvaluatorInputException(maximum == int.MaxValue ? $"{option} must be at least {minimum} (got {value})." : $"{option} must be {minimum}–{maximum} (got {value}).");

    public void AddTo(Command command)
    {
        Option[] all = [Dataset, Size, QuerySize, MultiScale, WhitenOn, QueryExpansion, QeAlpha, Threads, Workers, CacheDir, NoCache, Json, Markdown];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The αQE settings, or <c>null</c> without <c>--query-expansion</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1 or α &lt; 0 (reported as a usage error).</exception>
    private Evaluation.Search.QueryExpansion? Expansion(ParseResult parse) =>
        parse.GetValue(QueryExpansion) is { } k ? new Evaluation.Search.QueryExpansion(k, parse.GetValue(QeAlpha)).Validated() : null;

    /// <summary>The evaluation these options describe, of <paramref name="galleryManifest"/> queried by <paramref name="queryManifest"/>.</summary>
    /// <exception cref="EvaluatorInputException">--threads or --workers is out of range.</exception>
    public EvaluationRequest Request(ParseResult parse, string galleryManifest, string? queryManifest) => new()
    {
        Dataset = parse.GetValue(Dataset)!,
        GalleryManifest = galleryManifest,
        QueryManifest = queryManifest,
        GallerySize = parse.GetValue(Size),
        QuerySize = parse.GetValue(QuerySize),
        MultiScale = parse.GetValue(MultiScale),
        WhitenOn = parse.GetValue(WhitenOn),
        QueryExpansion = Expansion(parse),
        Threads = InRange(parse.GetValue(Threads), Threads.Name, 1, int.MaxValue),
        DecodeWorkers = InRange(parse.GetValue(Workers), Workers.Name, 1, MaxDecodeWorkers),
        CacheDirectory = parse.GetValue(NoCache) ? null : parse.GetValue(CacheDir),
    };
}

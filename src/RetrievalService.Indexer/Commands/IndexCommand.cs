using System.CommandLine;
using System.Globalization;
using RetrievalService.Embedding.Inference;
using RetrievalService.Indexer.Hosting;
using RetrievalService.Indexer.Sources;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Commands;

/// <summary>
/// <c>index &lt;folder&gt;</c> or <c>index --manifest &lt;file&gt;</c>: embeds images with the teacher and stores them,
/// all of them or one shard's (<see cref="ShardOptions"/>).
/// </summary>
internal static class IndexCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var sharding = new ShardOptions();
        var folder = new Argument<string?>("folder") { Description = "Folder to index recursively (ids: relative paths with '/' as ':').", Arity = ArgumentArity.ZeroOrOne };
        var manifest = new Option<string?>("--manifest", "-m") { Description = "CSV (header id,path[,metadata]) or JSON-lines manifest instead of a folder." };
        var extensions = new Option<string[]>("--extensions")
        {
            Description = "File extensions indexed in folder mode.",
            DefaultValueFactory = _ => [.. FolderSource.DefaultExtensions],
            AllowMultipleArgumentsPerToken = true,
        };
        var report = new Option<string?>("--report") { Description = "Write a JSON report of every file's outcome to this path." };
        var threads = new Option<int?>("--threads") { Description = "ONNX Runtime intra-op threads (default: Embedding:Inference:IntraOpThreads, 0 = ORT's choice)." };
        var decodeWorkers = new Option<int?>("--decode-workers") { Description = "Parallel decode/resize workers (default: Indexing:DecodeParallelism, 0 = one per processor)." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per COPY transaction (default: Indexing:WriteBatchSize, 64)." };
        var embedBatch = new Option<int?>("--embed-batch-size") { Description = "Images per ORT run (default: Indexing:EmbedBatchSize, 8)." };
        var force = new Option<bool>("--force") { Description = "Re-embed files even when their content is already stored (e.g. to apply new metadata)." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Plain progress lines instead of a live bar." };
        var acceptRejected = new Option<bool>("--accept-rejected")
        {
            Description = "Exit 0, not 3, when the run completed but some files were rejected (still listed on stderr and in the report), " +
                "for schedulers that retry any other exit, such as a Kubernetes Job.",
        };
        var pause = new Option<int>("--pause-after-batch-ms") { Description = "Pause after each committed batch (throttling; tests).", Hidden = true };
        var command = new Command("index", "Index a folder or manifest with the teacher: resumable, idempotent; bad files are reported and skipped.")
        {
            folder, manifest, extensions, report, threads, decodeWorkers, batchSize, embedBatch, force, noProgress, acceptRejected, pause,
        };
        common.AddTo(command);
        sharding.AddTo(command);
        decodeWorkers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--decode-workers must be at least 1.");
            }
        });
        command.Validators.Add(result =>
        {
            if ((result.GetValue(folder) is null) == (result.GetValue(manifest) is null))
            {
                result.AddError("Give either a folder or --manifest <file>, not both or neither.");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var entries = common.Configuration(parse, configuration);
            Set(entries, $"{InferenceOptions.SectionName}:{nameof(InferenceOptions.IntraOpThreads)}", parse.GetValue(threads));
            Set(entries, $"{IndexingOptions.SectionName}:{nameof(IndexingOptions.WriteBatchSize)}", parse.GetValue(batchSize));
            Set(entries, $"{IndexingOptions.SectionName}:{nameof(IndexingOptions.EmbedBatchSize)}", parse.GetValue(embedBatch));
            Set(entries, $"{IndexingOptions.SectionName}:{nameof(IndexingOptions.DecodeParallelism)}", parse.GetValue(decodeWorkers));
            var request = new IndexRequest(
                parse.GetValue(folder), parse.GetValue(manifest), parse.GetValue(extensions)!, parse.GetValue(report),
                parse.GetValue(force), parse.GetValue(noProgress), parse.GetValue(acceptRejected), sharding.Selected(parse),
                TimeSpan.FromMilliseconds(parse.GetValue(pause)));
            return IndexerHost.RunAsync(entries, parse.GetValue(common.Verbose), (services, token) => IndexRun.RunAsync(services, request, token), ct);
        });
        return command;
    }

    private static void Set(Dictionary<string, string?> entries, string key, int? value)
    {
        if (value is { } v)
        {
            entries[key] = v.ToString(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>What <c>index</c> was asked to do.</summary>
internal sealed record IndexRequest(
    string? Folder, string? Manifest, IReadOnlyList<string> Extensions, string? ReportPath,
    bool Force, bool NoProgress, bool AcceptRejected, InputShard? Shard, TimeSpan PauseAfterBatch);

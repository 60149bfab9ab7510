using System.Diagnostics;
using Npgsql;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Indexing;
using RetrievalService.Indexing.Pipeline;
using RetrievalService.Storage;

namespace RetrievalService.IndexBench;

/// <summary>End to end as the CLI runs it: read, hash, skip-check, decode, embed, COPY, into a fresh schema.</summary>
internal static class PipelineBench
{
    public static async Task<(double ImagesPerSecond, int Stored)> RunAsync(
        string connectionString, OnnxEmbedder teacher, IReadOnlyList<IndexItem> files, int decodeWorkers, BenchSettings settings)
    {
        var schema = $"bench_index_{DateTime.UtcNow:yyyyMMddHHmmss}_{decodeWorkers}";
        var options = new IndexingOptions { EmbedBatchSize = settings.EmbedBatch, WriteBatchSize = settings.WriteBatch, DecodeParallelism = decodeWorkers };
        try
        {
            await using var store = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = connectionString, Schema = schema });
            var indexer = new IndexingPipeline(teacher, new ImagePipeline(new ImageDecodeLimits()), store, options);
            // Schema and table creation are one-off costs, not throughput.
            await indexer.EnsureModelAsync();
            var counter = new Counter();
            var watch = Stopwatch.StartNew();
            await indexer.RunAsync(files, counter, null, CancellationToken.None);
            return (files.Count / watch.Elapsed.TotalSeconds, counter.Stored);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class Counter : IIndexingObserver
    {
        public int Stored { get; private set; }

        public void OnResult(int position, IndexItem item, IndexItemResult result) => Stored += result.Status == IndexItemStatus.Stored ? 1 : 0;

        public void OnBatchCommitted(int rows)
        {
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Indexing.Stages;
using RetrievalService.Storage;

namespace RetrievalService.Indexing.Pipeline;

/// <summary>
/// The one indexing flow, for the <c>indexer</c> CLI (files from a folder or manifest) and the API's <c>POST /index</c>
/// (uploads) alike: check ids, sources and metadata; skip content already stored for the teacher (replacing metadata that
/// changed); decode under limits (a bad image is that item's rejection, never the run's); embed with the teacher in
/// batches; write by COPY, one transaction per batch. The stages overlap, joined by bounded channels, so memory stays flat
/// on any input size. Thread-safe singleton; each run has its own state (<see cref="IndexingRun"/>).
/// </summary>
public sealed class IndexingPipeline
{
    /// <summary>DI key of the teacher's <see cref="OnnxEmbedder"/> (registered by <see cref="IndexingServiceCollectionExtensions.AddGalleryIndexing"/>).</summary>
    public const string TeacherKey = "teacher";

    /// <summary>Creates a pipeline over a loaded teacher and a store; it owns neither.</summary>
    public IndexingPipeline(OnnxEmbedder teacher, ImagePipeline images, GalleryStore store, IndexingOptions options, ILogger<IndexingPipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        Teacher = teacher;
        Store = store;
        Options = options;
        Preparer = new ImagePreparer(images, teacher.Manifest.Input);
        Logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Id of the teacher model; every row this pipeline writes is stored under it.</summary>
    public string TeacherId => Teacher.Manifest.Id;

    /// <summary>The teacher model.</summary>
    public OnnxEmbedder Teacher { get; }

    /// <summary>The gallery store written to.</summary>
    public GalleryStore Store { get; }

    /// <summary>Batch sizes and decode parallelism.</summary>
    public IndexingOptions Options { get; }

    internal ImagePreparer Preparer { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// Registers the teacher (id, dimension and image pipeline) in the store, creating its table if needed. Idempotent.
    /// </summary>
    /// <exception cref="Storage.Errors.PreprocessingMismatchException">The gallery was indexed with another image pipeline.</exception>
    public Task EnsureModelAsync(CancellationToken cancellationToken = default) =>
        Store.RegisterModelAsync(TeacherId, Teacher.Dimension, Teacher.Manifest.Input.Preprocessing, cancellationToken);

    /// <summary>
    /// Indexes <paramref name="items"/>, reporting every item exactly once to <paramref name="observer"/> unless the run
    /// fails or is cancelled. Duplicate ids after the first occurrence are rejected. Bad items never stop the run; a
    /// database failure does.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; committed batches stay, the batch in flight rolls back.</exception>
    /// <exception cref="Storage.Errors.GalleryStoreException">The store failed.</exception>
    public async Task RunAsync(IEnumerable<IndexItem> items, IIndexingObserver observer, PipelineSettings? settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(observer);
        await EnsureModelAsync(cancellationToken);
        await new IndexingRun(this, settings ?? new PipelineSettings(), observer).RunAsync(items, cancellationToken);
    }

    /// <summary>
    /// Indexes <paramref name="items"/> and returns one result per item, in input order. When this throws (database
    /// unreachable, cancellation), batches already committed stay, and a retry reports them unchanged.
    /// </summary>
    /// <exception cref="Storage.Errors.GalleryStoreException">The store failed (unreachable, dimension mismatch).</exception>
    public async Task<IReadOnlyList<IndexItemResult>> IndexAsync(IReadOnlyList<IndexItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new IndexItemResult[items.Count];
        await RunAsync(items, new InOrder(results), null, cancellationToken);
        return results;
    }

    private sealed class InOrder(IndexItemResult[] results) : IIndexingObserver
    {
        public void OnResult(int position, IndexItem item, IndexItemResult result) => results[position] = result;

        public void OnBatchCommitted(int rows)
        {
        }
    }
}

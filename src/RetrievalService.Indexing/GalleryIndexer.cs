using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Indexing.Stages;
using RetrievalService.Storage;

namespace RetrievalService.Indexing;

/// <summary>
/// Indexes gallery images with the teacher: validates ids, skips images whose content is already stored for the
/// teacher, decodes under limits (a bad image is rejected, never the batch), embeds in batches and writes by COPY.
/// Thread-safe singleton, shared by the API's <c>POST /index</c> and the <c>indexer</c> CLI.
/// </summary>
public sealed partial class GalleryIndexer
{
    /// <summary>DI key of the teacher's <see cref="OnnxEmbedder"/> (registered by <see cref="IndexingServiceCollectionExtensions.AddGalleryIndexing"/>).</summary>
    public const string TeacherKey = "teacher";

    private readonly ILogger logger;

    /// <summary>Creates an indexer over a loaded teacher and a store; it owns neither.</summary>
    public GalleryIndexer(OnnxEmbedder teacher, ImagePipeline pipeline, GalleryStore store, IndexingOptions options, ILogger<GalleryIndexer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        Teacher = teacher;
        Store = store;
        Options = options;
        Preparer = new ImagePreparer(pipeline, teacher.Manifest.Input);
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Id of the teacher model; every row this indexer writes is stored under it.</summary>
    public string TeacherId => Teacher.Manifest.Id;

    /// <summary>Length of the teacher's vectors, the dimension the model is registered with.</summary>
    public int Dimension => Teacher.Dimension;

    /// <summary>The image pipeline that prepares the teacher's inputs (its manifest's <c>input.preprocessing</c>).</summary>
    public string? Preprocessing => Teacher.Manifest.Input.Preprocessing;

    /// <summary>The teacher model.</summary>
    public OnnxEmbedder Teacher { get; }

    /// <summary>The gallery store written to.</summary>
    public GalleryStore Store { get; }

    /// <summary>Batching settings.</summary>
    public IndexingOptions Options { get; }

    internal ImagePreparer Preparer { get; }

    internal ILogger Logger => logger;

    /// <summary>
    /// Registers the teacher (id, dimension and image pipeline) in the store, creating its table if needed. Idempotent.
    /// </summary>
    /// <exception cref="Storage.Errors.PreprocessingMismatchException">The gallery was indexed with another image pipeline.</exception>
    public Task EnsureModelAsync(CancellationToken cancellationToken = default) =>
        Store.RegisterModelAsync(TeacherId, Dimension, Preprocessing, cancellationToken);
}

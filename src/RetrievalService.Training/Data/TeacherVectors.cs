using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Running;

namespace RetrievalService.Training.Data;

/// <summary>
/// The frozen teacher's vectors of a split, computed once with ONNX Runtime and cached on disk by the
/// evaluation library's <see cref="EmbeddingCache"/>. Its key holds the teacher's SHA-256, the image size and
/// every image's path, size and time stamp, so the evaluator and the trainer share entries and a changed
/// dataset or teacher is never served stale vectors.
/// </summary>
public static class TeacherVectors
{
    /// <summary>Gallery vectors of <paramref name="split"/>, and query vectors when <paramref name="withQueries"/>.</summary>
    /// <param name="teacher">The teacher session (e.g. with one intra-op thread).</param>
    /// <param name="split">The split to embed.</param>
    /// <param name="longerSide">Longer image side, single scale, as the evaluator embeds a gallery.</param>
    /// <param name="withQueries">Also embed the queries (cropped to their boxes).</param>
    /// <param name="cacheDirectory">Cache folder; <c>null</c> computes without caching.</param>
    /// <param name="observer">Receives progress and cache notes.</param>
    /// <param name="cancellationToken">Stops the embedding.</param>
    public static async Task<SplitVectors> LoadAsync(OnnxEmbedder teacher, TrainingSplit split, int longerSide, bool withQueries,
        string? cacheDirectory, IEvaluationObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(split);
        var cache = cacheDirectory is null ? null : new EmbeddingCache(cacheDirectory);
        var store = new EmbeddingStore(cache, new ImagePipeline(ImageDecodeLimits.LocalFiles), new PipelineOptions(), observer);
        var settings = ExtractionSettings.SingleScale(longerSide);
        var gallery = await store.GetAsync(teacher, split.Dataset, "gallery", split.GalleryJobs, settings, cancellationToken);
        var queries = withQueries
            ? await store.GetAsync(teacher, split.Dataset, "queries", split.QueryJobs, settings, cancellationToken)
            : null;
        return new SplitVectors(gallery.Vectors, queries?.Vectors);
    }
}

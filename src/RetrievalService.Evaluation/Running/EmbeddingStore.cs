using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Evaluation.Running;

/// <summary>Embeddings from the cache when the key matches, otherwise computed by the pipeline and cached.</summary>
public sealed class EmbeddingStore(EmbeddingCache? cache, ImagePipeline images, PipelineOptions pipeline, IEvaluationObserver observer)
{
    private int imagesEmbedded;

    /// <summary>Images actually run through a model by this store (0 when everything came from the cache).</summary>
    public int ImagesEmbedded => imagesEmbedded;

    /// <summary>Embeddings of <paramref name="jobs"/> (one side of <paramref name="dataset"/>) by <paramref name="model"/>.</summary>
    public async Task<EmbeddingSet> GetAsync(OnnxEmbedder model, RetrievalDataset dataset, string side,
        IReadOnlyList<ImageJob> jobs, ExtractionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var key = EmbeddingCacheKey.Compute(model.Manifest, side, dataset, jobs, settings);
        if (cache?.TryLoad(key, jobs.Count, model.Dimension) is { } cached)
        {
            observer.Note($"{dataset.Name} {side} × {model.Manifest.Id}: {jobs.Count} embeddings from cache {cache.PathOf(key)}");
            return new EmbeddingSet(cached, true, cache.PathOf(key));
        }
        var progress = observer.BeginPhase($"{dataset.Name} {side} × {model.Manifest.Id} ({settings.Describe()})", jobs.Count);
        var vectors = await new EmbeddingPipeline(model, images, pipeline).EmbedAsync(jobs, settings, progress, cancellationToken);
        Interlocked.Add(ref imagesEmbedded, jobs.Count);
        var file = cache?.Save(key, vectors);
        if (file is not null)
        {
            observer.Note($"{dataset.Name} {side} × {model.Manifest.Id}: {jobs.Count} embeddings cached in {file}");
        }
        return new EmbeddingSet(vectors, false, file);
    }
}

using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Metrics;
using RetrievalService.Evaluation.Search;
using RetrievalService.Evaluation.Whitening;

namespace RetrievalService.Evaluation.Running;

/// <summary>Learns whitening on a training split with the gallery model (the teacher's whitening serves both sides: docs/method.md#multi-scale-and-whitening).</summary>
public static class WhiteningTrainer
{
    /// <summary>
    /// Embeds the split's gallery and its (cropped) queries with <paramref name="model"/> at <paramref name="settings"/>
    /// and learns from every (query, Medium positive) pair.
    /// </summary>
    public static async Task<WhiteningTransform> LearnAsync(EmbeddingStore store, OnnxEmbedder model, string datasetPath,
        ExtractionSettings settings, IEvaluationObserver observer, CancellationToken cancellationToken)
    {
        var split = DatasetReader.Read(datasetPath);
        DatasetValidator.ThrowOnErrors(DatasetValidator.Validate(split));
        var gallery = await store.GetAsync(model, split, "gallery", ImageJob.Gallery(split), settings, cancellationToken);
        var queries = await store.GetAsync(model, split, "queries", ImageJob.Queries(split), settings, cancellationToken);
        var all = new EmbeddingMatrix(gallery.Vectors.Count + queries.Vectors.Count, model.Dimension,
            [.. gallery.Vectors.Values, .. queries.Vectors.Values]);
        var pairs = new List<(int, int)>();
        for (var q = 0; q < split.GroundTruth.Count; q++)
        {
            var (positives, _) = ProtocolSets.For(split.GroundTruth[q], Protocol.Medium);
            pairs.AddRange(positives.Order().Select(p => (gallery.Vectors.Count + q, p)));
        }
        if (pairs.Count == 0)
        {
            throw new DatasetFormatException(split.GroundTruthFile, "gnd", "no query lists a positive, so there is nothing to learn whitening from");
        }
        observer.Note($"whitening: learning on {split.Name} from {pairs.Count} pairs and {all.Count} vectors");
        return LearnedWhitening.Learn(all, pairs);
    }
}

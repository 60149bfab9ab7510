using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.Mining;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Mining;

public sealed class TupleAssemblerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public TupleAssemblerTests() => TinyTrainingDataset.Write(folder.Path);

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Mined_tuples_never_hold_a_negative_of_the_anchor_instance_even_when_it_is_the_most_similar()
    {
        var split = TrainingSplits.Open(folder.Path).Train;
        var pairs = new TupleSampler(split.Dataset).Draw(12, new Random(5));
        // Adversarial vectors: each gallery image sits exactly on its instance's anchor direction, so the
        // anchor's own positives and junk are the most similar pool images.
        var dimension = split.Labels.Count;
        var anchors = EmbeddingMatrix.FromRows(pairs.Select(p => OneHot(split.Labels.Queries[p.Query], dimension)).ToList(), dimension);
        var pool = Enumerable.Range(0, split.GalleryJobs.Count).ToArray();
        var poolVectors = EmbeddingMatrix.FromRows(pool.Select(i => OneHot(split.Labels.Gallery[i], dimension)).ToList(), dimension);

        var tuples = TupleAssembler.Assemble(pairs, anchors, pool, poolVectors, split.Labels, negatives: 5);

        Assert.All(tuples, tuple =>
        {
            var anchor = split.Labels.Queries[tuple.Query];
            var truth = split.Dataset.GroundTruth[tuple.Query];
            Assert.Equal(5, tuple.Negatives.Count);
            Assert.All(tuple.Negatives, n => Assert.NotEqual(anchor, split.Labels.Gallery[n]));
            Assert.Empty(tuple.Negatives.Intersect(truth.Easy.Concat(truth.Hard).Concat(truth.Junk)));
            Assert.Equal(tuple.Negatives.Count, tuple.Negatives.Select(n => split.Labels.Gallery[n]).Distinct().Count());
        });
    }

    private static float[] OneHot(int index, int dimension)
    {
        var row = new float[dimension];
        row[index] = 1;
        return row;
    }
}

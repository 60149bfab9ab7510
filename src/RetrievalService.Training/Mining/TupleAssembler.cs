using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;

namespace RetrievalService.Training.Mining;

/// <summary>Completes an epoch's (anchor, positive) pairs into tuples with negatives mined from a pool of gallery images.</summary>
public static class TupleAssembler
{
    /// <summary>One tuple per pair, in pair order.</summary>
    /// <param name="pairs">The epoch's pairs.</param>
    /// <param name="anchorVectors">Row i: the anchor vector of <paramref name="pairs"/>[i] (the current student's).</param>
    /// <param name="poolImages">Gallery indices of the pool.</param>
    /// <param name="poolVectors">Row j: the vector of gallery image <paramref name="poolImages"/>[j].</param>
    /// <param name="labels">Instances of the training split.</param>
    /// <param name="negatives">Negatives per tuple.</param>
    public static IReadOnlyList<TrainingTuple> Assemble(IReadOnlyList<QueryPositivePair> pairs, EmbeddingMatrix anchorVectors,
        IReadOnlyList<int> poolImages, EmbeddingMatrix poolVectors, InstanceLabels labels, int negatives)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(poolImages);
        ArgumentNullException.ThrowIfNull(labels);
        var queryInstances = pairs.Select(p => labels.Queries[p.Query]).ToArray();
        var poolInstances = poolImages.Select(i => labels.Gallery[i]).ToArray();
        var mined = HardNegativeMiner.Mine(anchorVectors, queryInstances, poolVectors, poolInstances, negatives);
        return pairs.Select((pair, i) => new TrainingTuple(pair.Query, pair.Positive, mined[i].Select(j => poolImages[j]).ToArray())).ToList();
    }
}

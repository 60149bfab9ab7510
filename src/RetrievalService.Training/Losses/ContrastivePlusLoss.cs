using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>
/// Contr+: the asymmetric contrastive tuple sum plus the regression term ½d(f(a),g(a))² that ties the
/// anchor to its own teacher vector. Mean over tuples.
/// </summary>
public static class ContrastivePlusLoss
{
    /// <summary>Student anchors [T, D]; teacher anchors and positives [T, D], negatives [T, N, D].</summary>
    public static Tensor Compute(
        Tensor studentAnchors,
        Tensor teacherAnchors,
        Tensor teacherPositives,
        Tensor teacherNegatives,
        double margin = LossDefaults.Margin)
    {
        TupleShapes.RequireRows("Teacher anchors", teacherAnchors, studentAnchors);
        var contrastive = ContrastiveTerms.PerTuple(studentAnchors, teacherPositives.detach(), teacherNegatives.detach(), margin);
        var anchorTerm = EmbeddingDistances.SquaredRows(studentAnchors, teacherAnchors.detach()) * 0.5;
        return (contrastive + anchorTerm).mean();
    }
}

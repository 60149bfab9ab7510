using static TorchSharp.torch;

namespace RetrievalService.Training.Losses;

/// <summary>Fails fast, with the shapes in the message, when a tuple batch is malformed.</summary>
internal static class TupleShapes
{
    public static void RequireRows(string what, Tensor rows, Tensor reference)
    {
        if (rows.dim() != 2 || !rows.shape.SequenceEqual(reference.shape))
        {
            throw new ArgumentException(
                $"{what} must be [T, D] = [{string.Join(", ", reference.shape)}]; got [{string.Join(", ", rows.shape)}].");
        }
    }

    public static void RequireNegatives(Tensor negatives, Tensor anchors)
    {
        if (negatives.dim() != 3 || negatives.shape[0] != anchors.shape[0] || negatives.shape[2] != anchors.shape[1])
        {
            throw new ArgumentException(
                $"Negatives must be [T, N, D] with T = {anchors.shape[0]}, D = {anchors.shape[1]}; got [{string.Join(", ", negatives.shape)}].");
        }
    }

    public static void RequireTuples(Tensor anchors, Tensor positives, Tensor negatives)
    {
        if (anchors.dim() != 2)
        {
            throw new ArgumentException($"Anchors must be [T, D]; got [{string.Join(", ", anchors.shape)}].");
        }
        RequireRows("Positives", positives, anchors);
        RequireNegatives(negatives, anchors);
    }
}

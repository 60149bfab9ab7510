using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Whitening;

/// <summary>A learned whitening x ↦ L2N(P(x − m)), as in cirtorch's <c>whitenapply</c>.</summary>
/// <param name="Mean">m, the mean of the training pairs' query vectors.</param>
/// <param name="Projection">P, row-major, output dimension × input dimension.</param>
/// <param name="OutputDimension">Rows of P.</param>
public sealed record WhiteningTransform(double[] Mean, double[] Projection, int OutputDimension)
{
    /// <summary>Input dimension.</summary>
    public int InputDimension => Mean.Length;

    /// <summary>Whitens and re-normalises every row of <paramref name="vectors"/>.</summary>
    public EmbeddingMatrix Apply(EmbeddingMatrix vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Dimension != InputDimension)
        {
            throw new ArgumentException($"The whitening was learned on {InputDimension}-d vectors; these are {vectors.Dimension}-d.", nameof(vectors));
        }
        var output = new float[vectors.Count * OutputDimension];
        var centred = new double[InputDimension];
        for (var i = 0; i < vectors.Count; i++)
        {
            var row = vectors.Row(i);
            for (var k = 0; k < InputDimension; k++)
            {
                centred[k] = row[k] - Mean[k];
            }
            var target = output.AsSpan(i * OutputDimension, OutputDimension);
            var norm = 0.0;
            for (var r = 0; r < OutputDimension; r++)
            {
                var value = 0.0;
                var projection = Projection.AsSpan(r * InputDimension, InputDimension);
                for (var k = 0; k < InputDimension; k++)
                {
                    value += projection[k] * centred[k];
                }
                target[r] = (float)value;
                norm += value * value;
            }
            // cirtorch adds 1e-6 to the norm so a vector at the mean does not divide by zero.
            var scale = (float)(1 / (Math.Sqrt(norm) + 1e-6));
            for (var r = 0; r < OutputDimension; r++)
            {
                target[r] *= scale;
            }
        }
        return new EmbeddingMatrix(vectors.Count, OutputDimension, output);
    }
}

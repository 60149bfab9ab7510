namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// Affine quantisation of a weight as in the TFJS weights manifest: value = <see cref="Min"/> + <see cref="Scale"/>·q,
/// q an unsigned integer of <see cref="Dtype"/> (uint8 or uint16).
/// </summary>
public sealed record TfjsQuantization(double Min, double Scale, string Dtype);

/// <summary>One entry of a weights manifest group: the bytes of these weights follow each other in manifest order.</summary>
public sealed record TfjsWeightSpec(string Name, int[] Shape, string Dtype, TfjsQuantization? Quantization)
{
    /// <summary>Element count implied by <see cref="Shape"/> (1 for a scalar).</summary>
    public int ElementCount => Shape.Aggregate(1, (a, b) => a * b);
}

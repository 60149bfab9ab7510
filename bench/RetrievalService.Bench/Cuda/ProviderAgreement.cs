namespace RetrievalService.Bench.Cuda;

/// <summary>How far one model's CUDA vectors are from its CPU vectors over a set of real images.</summary>
internal sealed record ProviderAgreement(string Model, int Images, double MinCosine, double MeanCosine, double MaxAbsDifference)
{
    /// <summary>Compares vector pairs (CPU, CUDA) of the same images; the vectors are L2-normalised, so the dot product is the cosine.</summary>
    public static ProviderAgreement From(string model, IReadOnlyList<(float[] Cpu, float[] Cuda)> pairs)
    {
        if (pairs.Count == 0)
        {
            throw new ArgumentException("No images to compare.", nameof(pairs));
        }
        var cosines = pairs.Select(p => p.Cpu.Zip(p.Cuda, (a, b) => (double)a * b).Sum()).ToArray();
        var maxDifference = pairs.Max(p => p.Cpu.Zip(p.Cuda, (a, b) => Math.Abs((double)a - b)).Max());
        return new ProviderAgreement(model, pairs.Count, cosines.Min(), cosines.Average(), maxDifference);
    }
}

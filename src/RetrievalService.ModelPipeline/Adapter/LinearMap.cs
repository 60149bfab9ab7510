namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>y = x·W + b with W row-major [Inputs, Outputs].</summary>
public sealed record LinearMap(int Inputs, int Outputs, float[] Weight, float[] Bias)
{
    public float[] Apply(ReadOnlySpan<float> x)
    {
        if (x.Length != Inputs)
        {
            throw new ArgumentException($"Expected {Inputs} inputs, got {x.Length}.", nameof(x));
        }
        var y = (float[])Bias.Clone();
        for (var i = 0; i < Inputs; i++)
        {
            var xi = x[i];
            var row = Weight.AsSpan(i * Outputs, Outputs);
            for (var o = 0; o < Outputs; o++)
            {
                y[o] += xi * row[o];
            }
        }
        return y;
    }
}

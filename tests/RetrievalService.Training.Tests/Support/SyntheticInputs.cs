namespace RetrievalService.Training.Tests.Support;

/// <summary>Deterministic test inputs: image-like NCHW RGB 0..255, and standard-normal values.</summary>
internal static class SyntheticInputs
{
    public static float[] Images(int seed, long[] shape)
    {
        var random = new Random(seed);
        var (channels, height, width) = ((int)shape[1], (int)shape[2], (int)shape[3]);
        var pixels = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (var i = 0; i < pixels.Length; i++)
        {
            // Smooth waves plus noise, so the features are neither flat nor pure noise.
            var x = i % width;
            var y = i / width % height;
            var c = i / (width * height) % channels;
            var wave = 127.5 + 90 * Math.Sin(x * (0.05 + 0.03 * c) + y * 0.08 + seed);
            pixels[i] = (float)Math.Clamp(Math.Round(wave + random.Next(-30, 31)), 0, 255);
        }
        return pixels;
    }

    public static float[] Normal(int seed, long count, double scale = 1.0)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            var u = 1.0 - random.NextDouble();
            values[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }
        return values;
    }
}

namespace RetrievalService.ModelPipeline.Tests;

/// <summary>Deterministic NCHW RGB 0..255 test inputs: smooth structure plus seeded noise, so features are non-trivial.</summary>
internal static class SyntheticImages
{
    public static float[] Nchw(int seed, int height, int width)
    {
        var random = new Random(seed);
        var pixels = new float[3 * height * width];
        var phase = random.NextDouble() * Math.PI;
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var wave = 127.5 + 90 * Math.Sin(x * (0.05 + 0.03 * c) + y * 0.08 + phase + seed);
                    var noise = random.Next(-30, 31);
                    pixels[(c * height + y) * width + x] = (float)Math.Clamp(Math.Round(wave + noise), 0, 255);
                }
            }
        }
        return pixels;
    }

    /// <summary>Concatenates images of equal size into one batch.</summary>
    public static float[] Batch(params float[][] images) => images.SelectMany(i => i).ToArray();
}

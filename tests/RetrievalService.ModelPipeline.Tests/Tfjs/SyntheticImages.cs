using System.Text.Json.Nodes;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

/// <summary>
/// C# twins of the image recipes in <c>tools/tfjs-golden/make-golden.js</c>: integer arithmetic only, so the
/// pixels are identical bit for bit (checked with the FNV-1a hash the fixture records).
/// </summary>
internal static class SyntheticImages
{
    public const int Size = 224;

    /// <summary>HWC RGB bytes for a fixture image entry (<c>recipe</c> + <c>params</c>).</summary>
    public static byte[] Render(string recipe, JsonNode parameters)
    {
        var rgb = new byte[Size * Size * 3];
        void Pixel(int x, int y, int r, int g, int b) => rgb.AsSpan((y * Size + x) * 3, 3).SetRgb(r, g, b);
        switch (recipe)
        {
            case "gradient":
                ForEach((x, y) => Pixel(x, y, x * 255 / (Size - 1), y * 255 / (Size - 1), 255 - (x + y) * 255 / (2 * (Size - 1))));
                break;
            case "rings_xor":
                ForEach((x, y) =>
                {
                    int dx = x - 112, dy = y - 96, t = (3 * x + 5 * y) % 256;
                    Pixel(x, y, ((dx * dx + dy * dy) >> 4) & 255, (x ^ y) & 255, t < 128 ? 2 * t : 511 - 2 * t);
                });
                break;
            case "lcg_blocks":
                Cells(parameters["block"]!.GetValue<int>(), Lcg(parameters), (x, y, v0, next) =>
                    Pixel(x, y, (int)(v0 >> 24), (int)(next[0] >> 24), (int)(next[1] >> 24)), draws: 3);
                break;
            case "lcg_noise":
                Cells(parameters["cell"]!.GetValue<int>(), Lcg(parameters), (x, y, v, _) =>
                    Pixel(x, y, (int)(v >> 24), (int)((v >> 16) & 255), (int)((v >> 8) & 127) + (y >> 1)), draws: 1);
                break;
            default:
                throw new NotSupportedException($"Unknown image recipe '{recipe}'.");
        }
        return rgb;
    }

    /// <summary>FNV-1a 32-bit, as make-golden.js computes it.</summary>
    public static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash;
    }

    /// <summary>HWC bytes → CHW floats 0..255 (one image of an NCHW batch).</summary>
    public static void ToChw(ReadOnlySpan<byte> hwc, Span<float> chw)
    {
        const int plane = Size * Size;
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                chw[c * plane + i] = hwc[i * 3 + c];
            }
        }
    }

    private static void SetRgb(this Span<byte> pixel, int r, int g, int b) => (pixel[0], pixel[1], pixel[2]) = ((byte)r, (byte)g, (byte)b);

    private static void ForEach(Action<int, int> pixel)
    {
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                pixel(x, y);
            }
        }
    }

    // Numerical Recipes LCG on uint32, drawn before use, as in make-golden.js.
    private static Func<uint> Lcg(JsonNode parameters)
    {
        var state = parameters["seed"]!.GetValue<uint>();
        return () => state = unchecked(state * 1664525u + 1013904223u);
    }

    /// <summary>Square cells in row-major order; each cell draws <paramref name="draws"/> values, then fills its pixels.</summary>
    private static void Cells(int cell, Func<uint> next, Action<int, int, uint, uint[]> pixel, int draws)
    {
        for (var cy = 0; cy < Size / cell; cy++)
        {
            for (var cx = 0; cx < Size / cell; cx++)
            {
                var first = next();
                var rest = Enumerable.Range(1, draws - 1).Select(_ => next()).ToArray();
                for (var y = cy * cell; y < (cy + 1) * cell; y++)
                {
                    for (var x = cx * cell; x < (cx + 1) * cell; x++)
                    {
                        pixel(x, y, first, rest);
                    }
                }
            }
        }
    }
}

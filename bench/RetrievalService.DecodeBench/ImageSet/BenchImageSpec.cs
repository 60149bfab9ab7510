using System.Globalization;

namespace RetrievalService.DecodeBench.ImageSet;

/// <summary>One cell of the benchmark set: a format at one size. Its files live in <c>&lt;set&gt;/&lt;format&gt;/&lt;W&gt;x&lt;H&gt;/</c>.</summary>
internal sealed record BenchImageSpec(BenchImageFormat Format, int Width, int Height)
{
    /// <summary>
    /// Every cell, all 4:3 like phone cameras: JPEG from a thumbnail (0.3 MP) to a 108 MP sensor, PNG and WebP
    /// at sizes clients plausibly send them.
    /// </summary>
    public static readonly IReadOnlyList<BenchImageSpec> All =
    [
        new(BenchImageFormat.Jpeg, 640, 480),
        new(BenchImageFormat.Jpeg, 1152, 864),
        new(BenchImageFormat.Jpeg, 1632, 1224),
        new(BenchImageFormat.Jpeg, 4032, 3024),
        new(BenchImageFormat.Jpeg, 8000, 6000),
        new(BenchImageFormat.Jpeg, 12000, 9000),
        new(BenchImageFormat.Png, 1152, 864),
        new(BenchImageFormat.Png, 4032, 3024),
        new(BenchImageFormat.Webp, 1152, 864),
    ];

    public double Megapixels => (double)Width * Height / 1_000_000;

    /// <summary>The folder below the set's root, e.g. <c>jpeg/4032x3024</c>.</summary>
    public string Folder => Path.Combine(Format.Name(), string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}"));

    /// <summary>Reads a cell back from its folder below the set's root; null for a folder of another shape.</summary>
    public static BenchImageSpec? FromFolder(string formatName, string sizeName)
    {
        var parts = sizeName.Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && Enum.TryParse<BenchImageFormat>(formatName, ignoreCase: true, out var format)
            ? new BenchImageSpec(format, width, height)
            : null;
    }
}

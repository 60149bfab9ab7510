using System.Globalization;
using RetrievalService.DecodeBench.ImageSet;

namespace RetrievalService.DecodeBench.Report;

/// <summary>
/// File sizes of the cells that were measured. JPEG entropy decoding grows with the bits per pixel and DCT scaling
/// does not shorten it, so a reader needs this to carry the ratios over to other photos.
/// </summary>
internal static class ImageSetSummary
{
    public static string Table(IEnumerable<BenchImageSpec> specs, string root)
    {
        var table = new MarkdownTable(("Cell", false), ("Files", true), ("Mean MiB", true), ("Min–max bits/pixel", true));
        var invariant = CultureInfo.InvariantCulture;
        foreach (var spec in specs)
        {
            var sizes = Directory.GetFiles(Path.Combine(root, spec.Folder)).Select(f => new FileInfo(f).Length).ToList();
            double BitsPerPixel(long bytes) => bytes * 8.0 / ((long)spec.Width * spec.Height);
            table.Add($"{spec.Format.DisplayName()} {spec.Width}×{spec.Height}", sizes.Count.ToString(invariant),
                (sizes.Average() / 1024 / 1024).ToString("F2", invariant),
                $"{BitsPerPixel(sizes.Min()).ToString("F2", invariant)}–{BitsPerPixel(sizes.Max()).ToString("F2", invariant)}");
        }
        return table.ToString();
    }
}

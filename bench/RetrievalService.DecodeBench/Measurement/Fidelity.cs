using RetrievalService.DecodeBench.Decoders;

namespace RetrievalService.DecodeBench.Measurement;

/// <summary>
/// How far each library's thumbnails are from ImageSharp's: the mean absolute difference per channel (0–255) over
/// every file of a folder. Not a speed figure; it shows how much the pixels the model sees would move.
/// </summary>
internal static class Fidelity
{
    public static IReadOnlyDictionary<string, double> MeanAbsoluteDifference(
        string folder, IReadOnlyList<string> libraries, int longerSide)
    {
        var decoders = libraries.Select(ThumbnailDecoders.Create).ToList();
        var baseline = ThumbnailDecoders.Create(ThumbnailDecoders.Baseline);
        var totals = decoders.ToDictionary(d => d.Name, _ => 0.0);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var reference = baseline.Decode(bytes, longerSide);
            foreach (var decoder in decoders)
            {
                totals[decoder.Name] += Difference(reference, decoder.Decode(bytes, longerSide));
            }
        }
        return totals.ToDictionary(t => t.Key, t => t.Value / files.Count);
    }

    private static double Difference(Thumbnail reference, Thumbnail other)
    {
        if (reference.Width != other.Width || reference.Height != other.Height)
        {
            return double.NaN;
        }
        long sum = 0;
        for (var i = 0; i < reference.Rgb.Length; i++)
        {
            sum += Math.Abs(reference.Rgb[i] - other.Rgb[i]);
        }
        return (double)sum / reference.Rgb.Length;
    }
}

using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Training.Tests.Support;

/// <summary>
/// A dataset folder with <c>train/</c> (6 instances), <c>val/</c> (4 instances) and a <c>test/</c> whose
/// <c>gnd.json</c> is not even JSON, so any read of the test split fails loudly. Each instance is a striped
/// picture with its own colours and frequency; a query is the picture, its gallery holds a shifted view (easy),
/// a mirrored view (hard) and a dim view (junk). Images are small PNGs (80×60 or 60×80).
/// </summary>
internal static class TinyTrainingDataset
{
    public const int TrainInstances = 6;
    public const int ValidationInstances = 4;

    /// <summary>Writes the dataset into <paramref name="folder"/>.</summary>
    public static void Write(string folder)
    {
        WriteSplit(Path.Combine(folder, "train"), TrainInstances, seed: 0);
        WriteSplit(Path.Combine(folder, "val"), ValidationInstances, seed: 100);
        Directory.CreateDirectory(Path.Combine(folder, "test"));
        File.WriteAllText(Path.Combine(folder, "test", "gnd.json"), "the test split must never be read");
    }

    private static void WriteSplit(string folder, int instances, int seed)
    {
        Directory.CreateDirectory(Path.Combine(folder, "g"));
        Directory.CreateDirectory(Path.Combine(folder, "q"));
        var imlist = new List<string>();
        var gnd = new List<object>();
        for (var k = 0; k < instances; k++)
        {
            var pattern = seed + k;
            var first = imlist.Count;
            foreach (var (view, name) in new[] { (1, "easy"), (2, "hard"), (3, "junk") })
            {
                var entry = $"g/{k}-{name}.png";
                Save(Draw(pattern, view), Path.Combine(folder, entry));
                imlist.Add(entry);
            }
            Save(Draw(pattern, 0), Path.Combine(folder, $"q/{k}.png"));
            gnd.Add(new { easy = new[] { first }, hard = new[] { first + 1 }, junk = new[] { first + 2 }, bbx = (double[]?)null });
        }
        var groundTruth = new { imlist, qimlist = Enumerable.Range(0, instances).Select(k => $"q/{k}.png").ToArray(), gnd };
        File.WriteAllText(Path.Combine(folder, "gnd.json"), JsonSerializer.Serialize(groundTruth));
    }

    /// <summary>View 0: the picture; 1: shifted; 2: mirrored; 3: dimmed.</summary>
    private static Image<Rgb24> Draw(int pattern, int view)
    {
        var (width, height) = pattern % 2 == 0 ? (80, 60) : (60, 80);
        var period = 4 + 3 * (pattern % 5);
        var colour = new Rgb24((byte)(60 + 37 * pattern % 190), (byte)(40 + 71 * pattern % 200), (byte)(30 + 53 * pattern % 210));
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    var u = view == 2 ? width - 1 - x : x + (view == 1 ? 3 : 0);
                    var on = (u + y * (pattern % 3)) / period % 2 == 0;
                    var scale = view == 3 ? 0.5 : 1.0;
                    row[x] = on
                        ? new Rgb24((byte)(colour.R * scale), (byte)(colour.G * scale), (byte)(colour.B * scale))
                        : new Rgb24((byte)(240 * scale), (byte)(240 * scale), (byte)(230 * scale));
                }
            }
        });
        return image;
    }

    private static void Save(Image<Rgb24> image, string path)
    {
        using (image)
        {
            image.Save(path);
        }
    }
}

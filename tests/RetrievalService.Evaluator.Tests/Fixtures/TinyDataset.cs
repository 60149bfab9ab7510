using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Evaluator.Tests.Fixtures;

/// <summary>
/// A native-format dataset of 12 gallery images and 4 queries whose right answer is obvious to any CNN:
/// each query's positives are exact copies (easy) and mirrored, resized copies (hard) of its own pattern; the
/// other patterns are distractors. The checks query is framed in a grey border and cropped back by its bbx.
/// The dots query lists no positive, so every protocol skips it.
/// </summary>
internal static class TinyDataset
{
    public static readonly string[] Gallery =
    [
        "g/stripes.png", "g/stripes-mirror.jpg", "g/checks.png", "g/checks-mirror.png", "g/rings.png", "g/rings-mirror.jpg",
        "g/gradient.png", "g/noise1.png", "g/noise2.png", "g/dots.png", "g/stripes-junk.png", "g/noise3.jpg",
    ];

    public static void Write(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "g"));
        Directory.CreateDirectory(Path.Combine(folder, "q"));
        Save(PatternImages.Draw("stripes", 160, 120), folder, "g/stripes.png");
        Save(Mirror(PatternImages.Draw("stripes", 200, 150)), folder, "g/stripes-mirror.jpg");
        Save(PatternImages.Draw("checks", 128, 128), folder, "g/checks.png");
        Save(Mirror(PatternImages.Draw("checks", 112, 112)), folder, "g/checks-mirror.png");
        Save(PatternImages.Draw("rings", 150, 110), folder, "g/rings.png");
        Save(Mirror(PatternImages.Draw("rings", 180, 132)), folder, "g/rings-mirror.jpg");
        Save(PatternImages.Draw("gradient", 140, 100), folder, "g/gradient.png");
        Save(PatternImages.Draw("noise", 120, 120, seed: 1), folder, "g/noise1.png");
        Save(PatternImages.Draw("noise", 100, 140, seed: 2), folder, "g/noise2.png");
        Save(PatternImages.Draw("dots", 130, 130), folder, "g/dots.png");
        Save(PatternImages.Draw("stripes", 90, 160), folder, "g/stripes-junk.png");
        Save(PatternImages.Draw("noise", 150, 100, seed: 3), folder, "g/noise3.jpg");
        Save(PatternImages.Draw("stripes", 160, 120), folder, "q/stripes.png");
        Save(Framed(PatternImages.Draw("checks", 128, 128), 40), folder, "q/checks.png");
        Save(PatternImages.Draw("rings", 150, 110), folder, "q/rings.png");
        Save(PatternImages.Draw("dots", 130, 130), folder, "q/dots.png");
        var gnd = new
        {
            imlist = Gallery,
            qimlist = new[] { "q/stripes.png", "q/checks.png", "q/rings.png", "q/dots.png" },
            gnd = new object[]
            {
                new { easy = new[] { 0 }, hard = new[] { 1 }, junk = new[] { 10 }, bbx = (double[]?)null },
                new { easy = new[] { 2 }, hard = new[] { 3 }, junk = Array.Empty<int>(), bbx = (double[]?)new double[] { 40, 40, 168, 168 } },
                new { easy = new[] { 4 }, hard = new[] { 5 }, junk = Array.Empty<int>(), bbx = (double[]?)null },
                new { easy = Array.Empty<int>(), hard = Array.Empty<int>(), junk = new[] { 9 }, bbx = (double[]?)null },
            },
        };
        File.WriteAllText(Path.Combine(folder, "gnd.json"), JsonSerializer.Serialize(gnd));
    }

    private static Image Mirror(Image image)
    {
        image.Mutate(x => x.Flip(FlipMode.Horizontal));
        return image;
    }

    private static Image Framed(Image inner, int border)
    {
        var framed = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(inner.Width + 2 * border, inner.Height + 2 * border,
            new SixLabors.ImageSharp.PixelFormats.Rgb24(128, 128, 128));
        framed.Mutate(x => x.DrawImage(inner, new Point(border, border), 1f));
        inner.Dispose();
        return framed;
    }

    private static void Save(Image image, string folder, string name)
    {
        using (image)
        {
            image.Save(Path.Combine(folder, name));
        }
    }
}

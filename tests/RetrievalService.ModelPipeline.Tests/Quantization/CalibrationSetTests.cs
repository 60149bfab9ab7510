using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Quantization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.ModelPipeline.Tests.Quantization;

public sealed class CalibrationSetTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("calibration-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Calibration_and_check_images_are_disjoint_spread_over_the_tree_and_repeatable()
    {
        foreach (var package in new[] { "a", "b", "c", "d" })
        {
            for (var i = 0; i < 5; i++)
            {
                WriteImage(Path.Combine(package, $"{i:D2}.png"));
            }
        }
        File.WriteAllText(Path.Combine(folder, "a", "notes.txt"), "not an image");

        var first = CalibrationSet.Sample(folder, calibrationCount: 8, agreementCount: 4);
        var second = CalibrationSet.Sample(folder, calibrationCount: 8, agreementCount: 4);

        Assert.Equal(first.Calibration, second.Calibration);
        Assert.Equal(first.Agreement, second.Agreement);
        Assert.Empty(first.Calibration.Intersect(first.Agreement));
        // Every top-level folder contributes calibration images: an even spread, not the first eight files.
        Assert.Equal(["a", "b", "c", "d"], first.Calibration.Select(Package).Distinct().Order());
        Assert.All(first.Calibration.Concat(first.Agreement), path => Assert.EndsWith(".png", path, StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_images_is_an_error_that_says_how_many_there_are()
    {
        WriteImage("only.png");

        var error = Assert.Throws<ArgumentException>(() => CalibrationSet.Sample(folder, 4, 2));
        Assert.Contains("holds 1 images", error.Message);
    }

    [Fact]
    public void An_unreadable_calibration_image_stops_the_quantization_and_is_named()
    {
        for (var i = 0; i < 3; i++)
        {
            WriteImage($"{i}.png");
        }
        File.WriteAllBytes(Path.Combine(folder, "1.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var set = CalibrationSet.Sample(folder, calibrationCount: 3, agreementCount: 0);

        var error = Assert.Throws<InvalidDataException>(() =>
            ModelQuantizer.Quantize(QuantizationGraphs.Block(), new InputConvention { MinSide = 16, RecommendedLongerSide = 32 }, set));
        Assert.Contains("1.png", error.Message);
    }

    private static string Package(string path) => Path.GetFileName(Path.GetDirectoryName(path)!);

    private void WriteImage(string relativePath)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(40, 30, new Rgb24(90, 140, 200));
        image.SaveAsPng(path);
    }
}

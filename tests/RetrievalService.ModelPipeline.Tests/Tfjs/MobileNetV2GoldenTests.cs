using System.Text.Json.Nodes;
using Xunit.Abstractions;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

/// <summary>
/// The converted backbone against the original TFJS graph (tfjs-backend-cpu 4.22.0) on the fixture images
/// of <c>tools/tfjs-golden</c>: the global mean of <c>features</c> must match TFJS's
/// <c>feature_vector/SpatialSqueeze</c>.
/// </summary>
public sealed class MobileNetV2GoldenTests(ConvertedBackbone backbone, ITestOutputHelper output) : IClassFixture<ConvertedBackbone>
{
    private const double MinCosine = 0.999;

    [Fact]
    public void Pooled_features_match_tfjs_for_every_golden_image()
    {
        var golden = JsonNode.Parse(File.ReadAllText(TfjsTestPaths.GoldenFixture))!;
        Assert.Equal(MobileNetV2Backbone.FeatureVectorNode, golden["node"]!.GetValue<string>());
        var images = golden["images"]!.AsArray();
        const int plane = 3 * SyntheticImages.Size * SyntheticImages.Size;
        var batch = new float[images.Count * plane];
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i]!;
            var rgb = SyntheticImages.Render(image["recipe"]!.GetValue<string>(), image["params"]!);
            Assert.True(image["fnv1a"]!.GetValue<uint>() == SyntheticImages.Fnv1a(rgb),
                $"Image '{image["name"]}' differs from make-golden.js's; the C# recipe is out of sync.");
            SyntheticImages.ToChw(rgb, batch.AsSpan(i * plane, plane));
        }

        var (features, shape) = backbone.Run(batch, [images.Count, 3, SyntheticImages.Size, SyntheticImages.Size]);

        Assert.Equal([images.Count, MobileNetV2Backbone.Channels, 7, 7], shape);
        var report = images.Select((image, i) =>
        {
            var expected = image!["features"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
            var actual = FeatureMath.GlobalAveragePool(features.AsSpan(i * expected.Length * 49, expected.Length * 49), expected.Length);
            return (Name: image["name"]!.GetValue<string>(), Cosine: FeatureMath.Cosine(actual, expected),
                MaxAbsDiff: FeatureMath.MaxAbsDifference(actual, expected));
        }).ToArray();
        var worst = report.MinBy(r => r.Cosine);
        var summary = string.Join("; ", report.Select(r => $"{r.Name}: cos {r.Cosine:F7} (1−cos {1 - r.Cosine:G2}), max|Δ| {r.MaxAbsDiff:G3}"));
        output.WriteLine(summary);
        Assert.True(worst.Cosine >= MinCosine,
            $"Worst cosine {worst.Cosine:F6} ({worst.Name}) < {MinCosine}, max abs diff {report.Max(r => r.MaxAbsDiff):G3}. {summary}");
    }
}

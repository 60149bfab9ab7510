using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.Embedding.Images;

namespace RetrievalService.Evaluator.Comparison;

/// <summary>Mean multiply-accumulates of a model over a set of input sizes, by <see cref="ModelCost"/>.</summary>
internal static class MacCounter
{
    /// <summary>Mean GMACs over <paramref name="sizes"/>, or <c>null</c> when the graph holds an op the counter cannot size.</summary>
    public static double? MeanGigaMacs(string manifestPath, IReadOnlyList<PixelSize> sizes, Action<string> note)
    {
        if (sizes.Count == 0)
        {
            return null;
        }
        var manifest = ModelManifestJson.Load(manifestPath);
        var model = OnnxFiles.Load(ModelManifestJson.OnnxPath(manifest, manifestPath));
        try
        {
            // Queries share few distinct sizes; counting each once keeps this to a handful of shape passes.
            var perSize = sizes.Distinct().ToDictionary(s => s, s => ModelCost.Measure(model, s.Height, s.Width).GigaMacs);
            return sizes.Average(s => perSize[s]);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidDataException)
        {
            note($"warning: cannot count MACs of {manifest.Id}: {e.Message}");
            return null;
        }
    }
}

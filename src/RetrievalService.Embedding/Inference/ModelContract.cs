using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Embedding.Inference;

/// <summary>
/// Fails fast when a model is not the one its manifest describes: other bytes, other tensor names, or shapes
/// that the preprocessing (float32 NCHW RGB, any batch and size) cannot feed.
/// </summary>
internal static class ModelContract
{
    public static void VerifySha256(byte[] model, ModelManifest manifest, string path)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(model));
        if (!string.Equals(actual, manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelRejectedException(manifest.Id,
                $"'{path}' has SHA-256 {actual} but the manifest pins {manifest.Sha256}; rebuild the model or its manifest.");
        }
    }

    /// <summary>Checks the manifest's input convention against what <see cref="Images.ImagePipeline"/> produces.</summary>
    public static void VerifyConvention(ModelManifest manifest)
    {
        var input = manifest.Input;
        if (input.Preprocessing != Images.ImagePipeline.Identity)
        {
            throw new ModelRejectedException(manifest.Id,
                $"the manifest's preprocessing is '{input.Preprocessing ?? "(none)"}' but this build prepares images with '{Images.ImagePipeline.Identity}'; "
                + "check the model against this pipeline (docs/image-pipeline.md) and set input.preprocessing, or use a matching build.");
        }
        if (input.Layout != "NCHW" || input.ColorOrder != "RGB" || input.RangeMin != 0f || input.RangeMax != 255f)
        {
            throw new ModelRejectedException(manifest.Id,
                $"the manifest asks for {input.Layout} {input.ColorOrder} {input.RangeMin}..{input.RangeMax}; only NCHW RGB 0..255 is produced.");
        }
        if (input.MinSide <= 0 || input.RecommendedLongerSide < input.MinSide)
        {
            throw new ModelRejectedException(manifest.Id,
                $"the manifest's sides are inconsistent (minSide {input.MinSide}, recommendedLongerSide {input.RecommendedLongerSide}).");
        }
        if (manifest.Output.Dimension <= 0)
        {
            throw new ModelRejectedException(manifest.Id, $"the manifest's output dimension {manifest.Output.Dimension} is not positive.");
        }
    }

    public static void VerifyGraph(InferenceSession session, ModelManifest manifest)
    {
        var inputName = manifest.Input.Name;
        if (session.InputMetadata.Count != 1 || !session.InputMetadata.TryGetValue(inputName, out var input))
        {
            Reject(manifest, $"the graph's inputs are [{string.Join(", ", session.InputMetadata.Keys)}]; the manifest expects exactly '{inputName}'.");
            return;
        }
        var dims = input.Dimensions;
        if (input.ElementDataType != TensorElementType.Float || dims.Length != 4 || dims[1] != 3
            || dims[0] >= 0 || dims[2] >= 0 || dims[3] >= 0)
        {
            Reject(manifest, $"input '{inputName}' is {Describe(input)}; expected float[batch, 3, height, width] with symbolic batch, height and width.");
        }

        var outputName = manifest.Output.Name;
        if (!session.OutputMetadata.TryGetValue(outputName, out var output))
        {
            Reject(manifest, $"the graph has no output '{outputName}' (it has [{string.Join(", ", session.OutputMetadata.Keys)}]).");
            return;
        }
        var outDims = output.Dimensions;
        if (output.ElementDataType != TensorElementType.Float || outDims.Length != 2 || outDims[0] >= 0
            || (outDims[1] >= 0 && outDims[1] != manifest.Output.Dimension))
        {
            Reject(manifest, $"output '{outputName}' is {Describe(output)}; the manifest expects float[batch, {manifest.Output.Dimension}].");
        }
    }

    private static void Reject(ModelManifest manifest, string reason) => throw new ModelRejectedException(manifest.Id, reason);

    private static string Describe(NodeMetadata node) =>
        $"{node.ElementDataType}[{string.Join(", ", node.Dimensions.Select((d, i) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : node.SymbolicDimensions[i] is { Length: > 0 } s ? s : "?"))}]";
}

using Onnx;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.Training.OnnxBridge;

/// <summary>
/// Writes an <see cref="OnnxModule"/> back to ONNX: the imported graph, nodes untouched, with every float
/// initializer replaced by the module's current value (trained weights, GeM p, and BN statistics if BN
/// was trained). A new head is added by editing the graph before import (e.g. with
/// <see cref="EmbeddingHeadNodes"/>), so it is exported like any other node.
/// </summary>
public static class OnnxExporter
{
    /// <summary>A new model proto carrying the module's current values.</summary>
    public static ModelProto Export(OnnxModule module)
    {
        var exported = module.Source.Clone();
        // detach/cpu/contiguous copies are per initializer; free them here rather than at the caller's scope.
        using var scope = TorchSharp.torch.NewDisposeScope();
        foreach (var proto in exported.Graph.Initializer.Where(t => t.DataType == (int)TensorProto.Types.DataType.Float))
        {
            TensorConversion.WriteFloats(proto, module.Initializer(proto.Name));
        }
        return exported;
    }

    /// <summary>Exports and saves atomically with <see cref="OnnxFiles.Save"/>; manifests are the caller's (ModelArtifactWriter).</summary>
    public static ModelProto Save(OnnxModule module, string path)
    {
        var exported = Export(module);
        OnnxFiles.Save(exported, path);
        return exported;
    }
}

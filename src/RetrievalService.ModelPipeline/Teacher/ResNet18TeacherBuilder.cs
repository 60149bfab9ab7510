using Onnx;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.ModelPipeline.Teacher;

/// <summary>
/// Rewrites ML.NET's packaged CNTK ResNet-18 (<c>ResNet18.onnx</c>) into the project's teacher:
/// RGB 0..255 NCHW input of any batch and size, the network's own BGR/mean preprocessing inside the graph,
/// and the final 7×7 average pool replaced by GeM + L2 normalisation.
/// </summary>
public static class ResNet18TeacherBuilder
{
    /// <summary>SHA-256 of <c>ResNet18Onnx/ResNet18.onnx</c> in the 0.23.1 package (docs/sources.md#teacher-imagenet-resnet-18-from-nuget).</summary>
    public const string SourceSha256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f";

    public const string SourceInput = "Input247";
    public const string SourceOutput = "Pooling395_Output_0";
    public const string FinalPoolNode = "Pooling395";
    public const int Dimension = 512;

    /// <summary>Per-channel means the network was trained with, in its own BGR order (docs/sources.md#teacher-imagenet-resnet-18-from-nuget).</summary>
    public static readonly float[] MeanBgr = [103.06f, 115.90f, 123.15f];

    /// <summary>Builds the teacher. <paramref name="exposePooled"/> adds the un-normalised GeM vector as output <c>pooled</c>.</summary>
    public static ModelProto Build(ModelProto source, float gemP = 3f, bool exposePooled = false)
    {
        var model = source.Clone();
        var graph = model.Graph;
        var finalPool = graph.Node.Single(n => n.Name == FinalPoolNode);
        var featureMap = finalPool.Input[0];
        graph.Node.Remove(finalPool);

        UpgradeToOpset13(model);
        SymmetrizeCntkPads(graph);
        // CNTK recorded fixed 224-px shapes for every intermediate; they would contradict symbolic sizes.
        graph.ValueInfo.Clear();

        graph.Input.Clear();
        graph.Input.Add(OnnxValueInfos.FloatTensor(ModelIo.Input, "batch", 3, "height", "width"));
        graph.Node.Insert(0, RgbToMeanSubtractedBgr(graph, ModelIo.Input, SourceInput));

        var pooled = EmbeddingHeadNodes.AppendGem(graph, featureMap, "gem", gemP);
        EmbeddingHeadNodes.AppendL2Normalize(graph, pooled, "l2n", ModelIo.Output);
        graph.Output.Clear();
        graph.Output.Add(OnnxValueInfos.FloatTensor(ModelIo.Output, "batch", Dimension));
        if (exposePooled)
        {
            graph.Node.Add(Node("Identity", "pooled_output", [pooled], ["pooled"]));
            graph.Output.Add(OnnxValueInfos.FloatTensor("pooled", "batch", Dimension));
        }
        graph.Name = "teacher-resnet18-gem";
        return model;
    }

    /// <summary>
    /// One 1×1 convolution does both steps exactly: a permutation matrix swaps R and B, the bias subtracts
    /// the means (0·x + 1·y is exact in float32).
    /// </summary>
    private static NodeProto RgbToMeanSubtractedBgr(GraphProto graph, string input, string output)
    {
        var weight = new float[9];
        for (var bgr = 0; bgr < 3; bgr++)
        {
            weight[bgr * 3 + (2 - bgr)] = 1f;
        }
        graph.Initializer.Add(OnnxTensors.Float("preprocess.weight", [3, 3, 1, 1], weight));
        graph.Initializer.Add(OnnxTensors.Float("preprocess.bias", [3], MeanBgr.Select(m => -m).ToArray()));
        return Node("Conv", "preprocess/rgb_to_bgr_minus_mean", [input, "preprocess.weight", "preprocess.bias"], [output],
            Ints("kernel_shape", 1, 1));
    }

    /// <summary>
    /// CNTK padded stride-2 layers [begin, begin-1] (stem [3,3,2,2], others [1,1,0,0]). At odd sizes that
    /// makes a block's main path one pixel smaller than its 1×1 shortcut and the residual Add fails.
    /// Symmetric padding (PyTorch's) gives identical outputs at even sizes, because the extra end row
    /// is never reached by a window there, and consistent shapes at every size.
    /// </summary>
    private static void SymmetrizeCntkPads(GraphProto graph)
    {
        foreach (var node in graph.Node.Where(n => n.OpType is "Conv" or "MaxPool" or "AveragePool"))
        {
            var pads = node.Attribute.SingleOrDefault(a => a.Name == "pads");
            if (pads is null)
            {
                continue;
            }
            var rank = pads.Ints.Count / 2;
            for (var axis = 0; axis < rank; axis++)
            {
                pads.Ints[rank + axis] = Math.Max(pads.Ints[axis], pads.Ints[rank + axis]);
            }
        }
    }

    /// <summary>
    /// The file is opset 8 (IR 3). Every op in it keeps its semantics up to opset 13 except
    /// BatchNormalization's removed <c>spatial</c> attribute (always 1 here), so dropping it suffices.
    /// </summary>
    private static void UpgradeToOpset13(ModelProto model)
    {
        model.IrVersion = 7;
        model.OpsetImport.Clear();
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        model.ProducerName = "RetrievalService.ModelPipeline";
        model.ProducerVersion = "1";
        foreach (var node in model.Graph.Node.Where(n => n.OpType == "BatchNormalization"))
        {
            var spatial = node.Attribute.SingleOrDefault(a => a.Name == "spatial");
            if (spatial is { I: not 1 })
            {
                throw new NotSupportedException($"{node.Name}: spatial={spatial.I} has no opset-13 equivalent.");
            }
            if (spatial is not null)
            {
                node.Attribute.Remove(spatial);
            }
        }
    }
}

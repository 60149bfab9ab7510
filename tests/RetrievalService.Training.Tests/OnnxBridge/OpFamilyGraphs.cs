using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.Training.Tests.Support;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.Training.Tests.OnnxBridge;

/// <summary>One tiny graph per op family (and per tricky variant), named for the test report.</summary>
internal static class OpFamilyGraphs
{
    public static readonly IReadOnlyDictionary<string, Func<(TinyGraph Graph, int Opset)>> All =
        new Dictionary<string, Func<(TinyGraph, int)>>
        {
            ["Conv with asymmetric pads, stride 2 and bias"] = () => (new TinyGraph(2, 4, 9, 8)
                .Weights("w", [6, 4, 3, 3], 0.3).Weights("b", [6])
                .Node("Conv", ["x", "w", "b"], "y", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 0, 0, 1, 1)), 13),
            ["Grouped dilated Conv without bias"] = () => (new TinyGraph(2, 4, 9, 8)
                .Weights("w", [4, 2, 3, 3], 0.3)
                .Node("Conv", ["x", "w"], "y", Int("group", 2), Ints("dilations", 2, 2), Ints("pads", 2, 2, 2, 2)), 13),
            ["Depthwise Conv with SAME_UPPER and SAME_LOWER"] = () => (new TinyGraph(1, 4, 9, 8)
                .Weights("w", [4, 1, 3, 3], 0.3).Weights("w2", [2, 4, 4, 4], 0.2)
                .Node("Conv", ["x", "w"], "c", Int("group", 4), Ints("strides", 2, 2), String("auto_pad", "SAME_UPPER"))
                .Node("Conv", ["c", "w2"], "y", String("auto_pad", "SAME_LOWER")), 13),
            ["BatchNormalization then Relu"] = () => (new TinyGraph(2, 3, 5, 5)
                .Weights("scale", [3]).Weights("bias", [3]).Weights("mean", [3])
                .Floats("var", [3], [0.5f, 1.5f, 2f])
                .Node("BatchNormalization", ["x", "scale", "bias", "mean", "var"], "bn", Float("epsilon", 1e-3f))
                .Node("Relu", ["bn"], "y"), 13),
            ["Clip, Sigmoid, arithmetic, Pow, Sqrt and Max"] = () => (new TinyGraph(2, 3, 4, 4)
                .Floats("lo", [], [-1f]).Floats("hi", [], [1.5f]).Weights("w", [3, 1, 1]).Floats("b", [], [0.25f])
                .Floats("d", [1, 3, 1, 1], [0.5f, 2f, 4f]).Floats("tiny", [], [1e-3f]).Floats("p", [], [2.5f])
                .Node("Clip", ["x", "lo", "hi"], "c").Node("Sigmoid", ["c"], "s").Node("Mul", ["s", "w"], "m")
                .Node("Add", ["m", "x"], "a").Node("Sub", ["a", "b"], "u").Node("Div", ["u", "d"], "v")
                .Node("Clip", ["v", "tiny"], "vc").Node("Pow", ["vc", "p"], "pw").Node("Sqrt", ["pw"], "sq")
                .Node("Max", ["sq", "v"], "y"), 13),
            ["MaxPool with asymmetric pads"] = () => (new TinyGraph(1, 2, 7, 6)
                .Node("MaxPool", ["x"], "y", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 0, 0, 1, 1)), 13),
            ["MaxPool with symmetric pads"] = () => (new TinyGraph(1, 2, 7, 6)
                .Node("MaxPool", ["x"], "y", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1)), 13),
            ["AveragePool excluding symmetric pads"] = () => (new TinyGraph(1, 2, 7, 6)
                .Node("AveragePool", ["x"], "y", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1)), 13),
            ["AveragePool excluding asymmetric pads"] = () => (new TinyGraph(1, 2, 7, 6)
                .Node("AveragePool", ["x"], "y", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 0, 1, 1, 0)), 13),
            ["AveragePool including asymmetric pads"] = () => (new TinyGraph(1, 2, 7, 6)
                .Node("AveragePool", ["x"], "y", Ints("kernel_shape", 3, 3), Ints("pads", 1, 0, 0, 1), Int("count_include_pad", 1)), 13),
            ["AveragePool in ceil mode"] = () => (new TinyGraph(1, 2, 7, 5)
                .Node("AveragePool", ["x"], "y", Ints("kernel_shape", 2, 2), Ints("strides", 2, 2), Int("ceil_mode", 1)), 13),
            ["GlobalAveragePool, ReduceMean, ReduceL2 and Max"] = () => (new TinyGraph(2, 3, 4, 5)
                .Floats("eps", [], [1e-12f])
                .Node("GlobalAveragePool", ["x"], "g").Node("ReduceMean", ["x"], "rm", Ints("axes", 2, 3), Int("keepdims", 1))
                .Node("Add", ["g", "rm"], "s").Node("ReduceL2", ["s"], "n", Ints("axes", 1), Int("keepdims", 1))
                .Node("Max", ["n", "eps"], "safe").Node("Div", ["s", "safe"], "y"), 13),
            ["GeM, linear map and L2 normalisation from EmbeddingHeadNodes"] = () => (new TinyGraph(2, 8, 5, 4)
                .Node("Relu", ["x"], "r")
                .Edit(graph =>
                {
                    var gem = EmbeddingHeadNodes.AppendGem(graph, "r", "gem", 3f);
                    var linear = EmbeddingHeadNodes.AppendLinear(graph, gem, "adapter", 8, 6, SyntheticInputs.Normal(5, 48));
                    EmbeddingHeadNodes.AppendL2Normalize(graph, linear, "l2n", "y");
                }), 13),
            ["Pad in constant, reflect and edge modes"] = () => (new TinyGraph(1, 2, 4, 5)
                .Longs("p1", 0, 0, 1, 2, 0, 0, 2, 1).Floats("cv", [], [0.5f]).Longs("p2", 0, 0, 1, 1, 0, 0, 1, 1).Longs("p3", 0, 0, 0, 2, 0, 0, 1, 0)
                .Node("Pad", ["x", "p1", "cv"], "a").Node("Pad", ["a", "p2"], "b", String("mode", "reflect"))
                .Node("Pad", ["b", "p3"], "y", String("mode", "edge")), 13),
            ["Flatten, Reshape, Concat, Gemm and MatMul"] = () => (new TinyGraph(2, 3, 2, 2)
                .Longs("shape3", 0, -1, 4).Longs("shape2", 2, 12).Weights("W", [10, 24], 0.2).Weights("C", [10]).Weights("M", [10, 5], 0.3)
                .Node("Flatten", ["x"], "f", Int("axis", 1)).Node("Reshape", ["f", "shape3"], "r3").Node("Reshape", ["r3", "shape2"], "r2")
                .Node("Concat", ["f", "r2"], "c", Int("axis", 1))
                .Node("Gemm", ["c", "W", "C"], "g", Int("transB", 1), Float("alpha", 0.5f), Float("beta", 2f))
                .Node("MatMul", ["g", "M"], "y"), 13),
            ["Shape, Gather, Unsqueeze, Concat, Reshape, Transpose and Squeeze"] = () => (new TinyGraph(2, 3, 4, 5)
                .ScalarLong("zero", 0).Longs("rest", -1).Longs("axis0", 0).Longs("axis1", 1)
                .Node("Shape", ["x"], "s").Node("Gather", ["s", "zero"], "n", Int("axis", 0)).Node("Unsqueeze", ["n", "axis0"], "n1")
                .Node("Concat", ["n1", "rest"], "shape", Int("axis", 0)).Node("Reshape", ["x", "shape"], "r")
                .Node("Transpose", ["r"], "t", Ints("perm", 1, 0)).Node("Unsqueeze", ["t", "axis1"], "u")
                .Node("Squeeze", ["u", "axis1"], "y"), 13),
            ["Activations: LeakyRelu, HardSigmoid, HardSwish, Tanh and Softmax"] = () => (new TinyGraph(2, 3, 4, 4)
                .Node("LeakyRelu", ["x"], "l", Float("alpha", 0.1f)).Node("HardSigmoid", ["l"], "h")
                .Node("HardSwish", ["x"], "hs").Node("Add", ["h", "hs"], "a").Node("Tanh", ["a"], "t")
                .Node("Softmax", ["t"], "y", Int("axis", 1)), 14),
        };
}

using Onnx;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.Training.Tests.Support;

/// <summary>Builds small single-input, single-output ONNX graphs for per-op parity tests.</summary>
internal sealed class TinyGraph
{
    private readonly GraphProto graph = new() { Name = "tiny" };
    private int seed = 100;

    public TinyGraph(params long[] inputShape)
    {
        InputShape = inputShape;
        graph.Input.Add(OnnxValueInfos.FloatTensor("x", [.. inputShape.Select(d => (object)d)]));
    }

    public long[] InputShape { get; }

    /// <summary>A float initializer of standard-normal values times <paramref name="scale"/>.</summary>
    public TinyGraph Weights(string name, long[] dims, double scale = 1.0) =>
        Floats(name, dims, SyntheticInputs.Normal(seed++, dims.Aggregate(1L, (a, b) => a * b), scale));

    public TinyGraph Floats(string name, long[] dims, float[] values)
    {
        graph.Initializer.Add(OnnxTensors.Float(name, dims, values));
        return this;
    }

    public TinyGraph Longs(string name, params long[] values)
    {
        graph.Initializer.Add(OnnxTensors.Int64(name, [values.Length], values));
        return this;
    }

    public TinyGraph ScalarLong(string name, long value)
    {
        graph.Initializer.Add(OnnxTensors.Int64(name, [], [value]));
        return this;
    }

    /// <summary>Graph surgery with the pipeline's own helpers (e.g. <see cref="EmbeddingHeadNodes"/>).</summary>
    public TinyGraph Edit(Action<GraphProto> edit)
    {
        edit(graph);
        return this;
    }

    public TinyGraph Node(string opType, string[] inputs, string output, params AttributeProto[] attributes)
    {
        graph.Node.Add(OnnxNodes.Node(opType, output, inputs, [output], attributes));
        return this;
    }

    /// <summary>The model; the output is declared by element type only, so ORT infers its shape.</summary>
    public ModelProto Build(int opset = 13)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "training-tests", Graph = graph.Clone() };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        var outputName = graph.Node[^1].Output[0];
        model.Graph.Output.Add(new ValueInfoProto
        {
            Name = outputName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
        });
        return model;
    }
}

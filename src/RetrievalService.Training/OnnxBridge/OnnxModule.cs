using Onnx;
using RetrievalService.Training.OnnxBridge.Ops;
using TorchSharp;
using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge;

/// <summary>
/// A trainable TorchSharp module that runs an ONNX graph: float initializers are parameters or buffers,
/// nodes run as torch ops in graph order. The graph stays the single description of the network, so
/// <see cref="OnnxExporter"/> writes the same graph back with the trained values.
/// </summary>
public sealed partial class OnnxModule : nn.Module<Tensor, Tensor>
{
    private readonly ModelProto model;
    private readonly string inputName;
    private readonly string outputName;
    private readonly Dictionary<string, Func<NodeContext, Tensor>> kernels;

    private OnnxModule(ModelProto model, OnnxImportOptions options) : base("OnnxModule")
    {
        this.model = model.Clone();
        Options = options;
        var graph = this.model.Graph;
        var initializerNames = graph.Initializer.Select(t => t.Name).ToHashSet();
        inputName = graph.Input.Select(i => i.Name).FirstOrDefault(n => !initializerNames.Contains(n))
            ?? throw new InvalidDataException("The ONNX graph has no input that is not an initializer.");
        outputName = graph.Output.Count > 0 ? graph.Output[0].Name : throw new InvalidDataException("The ONNX graph has no output.");
        kernels = OnnxOps.Resolve(graph.Node);
        RegisterInitializers(graph, options);
    }

    /// <summary>Imports a graph; throws <see cref="UnsupportedOnnxOpException"/> naming the first op it cannot run.</summary>
    public static OnnxModule FromModel(ModelProto model, OnnxImportOptions? options = null) =>
        new(model, options ?? new OnnxImportOptions());

    /// <summary>Loads and imports an ONNX file.</summary>
    public static OnnxModule Load(string path, OnnxImportOptions? options = null) =>
        FromModel(ModelPipeline.Onnx.OnnxFiles.Load(path), options);

    /// <summary>The options the module was imported with.</summary>
    public OnnxImportOptions Options { get; }

    /// <summary>The imported graph (a private copy); the exporter writes updated values into a clone of it.</summary>
    public ModelProto Source => model;

    /// <summary>Runs the graph on its single input and returns its first output.</summary>
    public override Tensor forward(Tensor input) => Lookup(Run(input), outputName, null);

    // Every value the graph computes, by name.
    private Dictionary<string, Tensor> Run(Tensor input)
    {
        var values = BindInitializers();
        values[inputName] = input;
        // BN statistics are batch statistics only when training and not frozen (the method freezes them: docs/method.md#network-shape).
        var batchNormTraining = training && !Options.FreezeBatchNorm;
        foreach (var node in model.Graph.Node)
        {
            var inputs = node.Input.Select(name => name.Length == 0 ? null : Lookup(values, name, node)).ToArray();
            var context = new NodeContext(node, inputs, batchNormTraining);
            values[node.Output[0]] = kernels[node.OpType](context);
        }
        return values;
    }

    private static Tensor Lookup(Dictionary<string, Tensor> values, string name, NodeProto? node) =>
        values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidDataException(node is null
                ? $"The graph output '{name}' is never produced."
                : $"{node.OpType} node '{node.Name}' reads '{name}', which no earlier node or initializer produces (graph not topologically sorted?).");
}

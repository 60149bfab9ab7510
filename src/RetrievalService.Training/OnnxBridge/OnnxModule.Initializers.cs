using Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge;

public sealed partial class OnnxModule
{
    private Dictionary<string, string> torchNames = [];
    private Dictionary<string, string> onnxNames = [];
    private HashSet<string> trainable = [];

    /// <summary>ONNX initializer name → the name it is registered under (parameter or buffer).</summary>
    public IReadOnlyDictionary<string, string> TorchNamesByInitializer => torchNames;

    /// <summary>ONNX names of the initializers imported as trainable parameters.</summary>
    public IReadOnlySet<string> TrainableInitializers => trainable;

    /// <summary>The parameter or buffer that holds an ONNX initializer.</summary>
    public Tensor Initializer(string onnxName) =>
        torchNames.TryGetValue(onnxName, out var torchName)
            ? (Tensor?)get_parameter(torchName) ?? get_buffer(torchName)
                ?? throw new InvalidOperationException($"'{torchName}' is neither a parameter nor a buffer.")
            : throw new KeyNotFoundException($"The graph has no initializer '{onnxName}'.");

    private void RegisterInitializers(GraphProto graph, OnnxImportOptions options)
    {
        trainable = InitializerRoles.Trainable(graph, options);
        torchNames = TorchNames.Assign(graph.Initializer.Select(t => t.Name));
        onnxNames = torchNames.ToDictionary(pair => pair.Value, pair => pair.Key);
        foreach (var proto in graph.Initializer)
        {
            var value = TensorConversion.ToTorch(proto);
            if (trainable.Contains(proto.Name))
            {
                register_parameter(torchNames[proto.Name], new Parameter(value, requires_grad: true));
            }
            else
            {
                register_buffer(torchNames[proto.Name], value);
            }
        }
    }

    /// <summary>
    /// Reads the registered tensors by name on every call rather than caching references, so the module
    /// keeps working after <c>to(device)</c> or <c>load</c> replace them.
    /// </summary>
    private Dictionary<string, Tensor> BindInitializers()
    {
        var values = new Dictionary<string, Tensor>(torchNames.Count + model.Graph.Node.Count, StringComparer.Ordinal);
        foreach (var (name, parameter) in named_parameters(recurse: false))
        {
            values[onnxNames[name]] = parameter;
        }
        foreach (var (name, buffer) in named_buffers(recurse: false))
        {
            values[onnxNames[name]] = buffer;
        }
        return values;
    }
}

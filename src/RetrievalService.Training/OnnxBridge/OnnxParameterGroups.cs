using TorchSharp.Modules;

namespace RetrievalService.Training.OnnxBridge;

/// <summary>
/// Trainable parameters split the way the method schedules them (docs/method.md#network-shape): the backbone, the head (added layers,
/// e.g. the 1×1 dimension-matching conv), and GeM's p, which gets 10× the learning rate and no weight decay.
/// </summary>
/// <param name="Backbone">Every trainable parameter not in the other two groups.</param>
/// <param name="Head">Parameters whose ONNX names start with one of the head prefixes.</param>
/// <param name="GemExponents">Trainable Pow exponents (GeM's p).</param>
public sealed record OnnxParameterGroups(
    IReadOnlyList<Parameter> Backbone,
    IReadOnlyList<Parameter> Head,
    IReadOnlyList<Parameter> GemExponents);

public sealed partial class OnnxModule
{
    /// <summary>The head prefixes of the pipeline's students (<c>head.</c> conv head, <c>adapter.</c> linear map).</summary>
    public static readonly IReadOnlyList<string> DefaultHeadPrefixes = ["head.", "adapter."];

    /// <summary>Groups the parameters that currently require gradients; frozen ones are left out.</summary>
    public OnnxParameterGroups ParameterGroups(IReadOnlyList<string>? headPrefixes = null)
    {
        var prefixes = headPrefixes ?? DefaultHeadPrefixes;
        var exponents = InitializerRoles.PowExponents(model.Graph);
        List<Parameter> backbone = [], head = [], gem = [];
        foreach (var (name, parameter) in named_parameters(recurse: false).Where(p => p.parameter.requires_grad))
        {
            var onnxName = onnxNames[name];
            var group = exponents.Contains(onnxName) ? gem
                : prefixes.Any(p => onnxName.StartsWith(p, StringComparison.Ordinal)) ? head
                : backbone;
            group.Add(parameter);
        }
        return new OnnxParameterGroups(backbone, head, gem);
    }

    /// <summary>Stops gradients for every parameter (a frozen teacher); BN already runs on running statistics.</summary>
    public void Freeze()
    {
        foreach (var parameter in parameters())
        {
            parameter.requires_grad = false;
        }
    }
}

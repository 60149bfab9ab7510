using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>Pad: constant, reflect or edge; pads as an input (opset ≥ 11) or attribute, [begins…, ends…].</summary>
internal static class PadOp
{
    public static Tensor Pad(NodeContext context)
    {
        var input = context.Input(0);
        if (context.OptionalInput(3) is not null)
        {
            throw context.Unsupported("the axes input (opset 18); give pads for every axis");
        }
        var pads = context.Ints("pads") ?? context.OptionalLongs(1) ?? throw context.Invalid("pads are required");
        var rank = (int)input.dim();
        if (pads.Length != 2 * rank)
        {
            throw context.Invalid($"pads has {pads.Length} values for a rank-{rank} input");
        }
        var value = context.OptionalInput(2) is { } constant ? constant.to_type(ScalarType.Float64).item<double>() : context.Float("value", 0f);
        var mode = context.String("mode", "constant") switch
        {
            "constant" => PaddingModes.Constant,
            "reflect" => PaddingModes.Reflect,
            "edge" => PaddingModes.Replicate,
            var other => throw context.Unsupported($"mode '{other}'"),
        };
        // functional.pad lists the last axis first, as (begin, end) pairs; reflect/edge
        // padding in torch accepts only the spatial axes, so those list just those.
        var firstPadded = Enumerable.Range(0, rank).FirstOrDefault(axis => pads[axis] != 0 || pads[axis + rank] != 0, rank);
        if (firstPadded == rank)
        {
            return input;
        }
        if (mode != PaddingModes.Constant && firstPadded < 2)
        {
            throw context.Unsupported("reflect/edge padding of the batch or channel axis");
        }
        var torchPads = Enumerable.Range(0, mode == PaddingModes.Constant ? rank : rank - 2)
            .Select(k => rank - 1 - k)
            .SelectMany(axis => new[] { pads[axis], pads[axis + rank] })
            .ToArray();
        return functional.pad(input, torchPads, mode, value);
    }
}

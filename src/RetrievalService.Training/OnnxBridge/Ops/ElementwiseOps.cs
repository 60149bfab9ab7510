using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>Broadcasting arithmetic (Add, Sub, Mul, Div, Pow), variadic Max/Min/Sum, and Clip.</summary>
internal static class ElementwiseOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels)
    {
        kernels["Add"] = context => context.Input(0) + context.Input(1);
        kernels["Sub"] = context => context.Input(0) - context.Input(1);
        kernels["Mul"] = context => context.Input(0) * context.Input(1);
        kernels["Div"] = Div;
        kernels["Pow"] = context => context.Input(0).pow(context.Input(1));
        kernels["Max"] = context => Fold(context, (a, b) => a.maximum(b));
        kernels["Min"] = context => Fold(context, (a, b) => a.minimum(b));
        kernels["Sum"] = context => Fold(context, (a, b) => a + b);
        kernels["Clip"] = Clip;
    }

    private static Tensor Div(NodeContext context)
    {
        var (a, b) = (context.Input(0), context.Input(1));
        // ONNX integer division truncates (shape arithmetic); torch's `/` would promote to float.
        return a.dtype == ScalarType.Int64 && b.dtype == ScalarType.Int64
            ? a.div(b, RoundingMode.trunc)
            : a / b;
    }

    private static Tensor Fold(NodeContext context, Func<Tensor, Tensor, Tensor> combine)
    {
        var result = context.Input(0);
        for (var i = 1; i < context.InputCount; i++)
        {
            result = combine(result, context.Input(i));
        }
        return result;
    }

    /// <summary>Opset ≥ 11 passes the bounds as optional inputs; older opsets as attributes.</summary>
    private static Tensor Clip(NodeContext context)
    {
        var input = context.Input(0);
        if (context.Node.Attribute.Any(a => a.Name is "min" or "max"))
        {
            return input.clamp(context.Float("min", float.MinValue), context.Float("max", float.MaxValue));
        }
        var (min, max) = (context.OptionalInput(1), context.OptionalInput(2));
        return min is null && max is null ? input : input.clamp(min, max);
    }
}

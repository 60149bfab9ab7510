using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>Unary activations and pass-throughs (Identity, and Dropout, which is the identity at inference).</summary>
internal static class ActivationOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels)
    {
        kernels["Relu"] = context => functional.relu(context.Input(0));
        kernels["Sigmoid"] = context => context.Input(0).sigmoid();
        kernels["Tanh"] = context => context.Input(0).tanh();
        kernels["Sqrt"] = context => context.Input(0).sqrt();
        kernels["Exp"] = context => context.Input(0).exp();
        kernels["Log"] = context => context.Input(0).log();
        kernels["Abs"] = context => context.Input(0).abs();
        kernels["Neg"] = context => context.Input(0).neg();
        kernels["Reciprocal"] = context => context.Input(0).reciprocal();
        kernels["LeakyRelu"] = context => functional.leaky_relu(context.Input(0), context.Float("alpha", 0.01f));
        kernels["HardSigmoid"] = HardSigmoid;
        kernels["HardSwish"] = context => context.Input(0) * HardSigmoid(context.Input(0), 1f / 6f, 0.5f);
        kernels["Softmax"] = context => context.Input(0).softmax(context.Int("axis", -1));
        kernels["Identity"] = context => context.Input(0);
        kernels["Dropout"] = Dropout;
    }

    private static Tensor HardSigmoid(NodeContext context) =>
        HardSigmoid(context.Input(0), context.Float("alpha", 0.2f), context.Float("beta", 0.5f));

    private static Tensor HardSigmoid(Tensor x, float alpha, float beta) => (x * alpha + beta).clamp(0, 1);

    private static Tensor Dropout(NodeContext context)
    {
        // Exported inference graphs keep Dropout as a no-op; a graph asking for training-mode dropout is not one.
        if (context.OptionalInput(2) is { } trainingMode && trainingMode.to_type(ScalarType.Bool).item<bool>())
        {
            throw context.Unsupported("training_mode=true");
        }
        return context.Input(0);
    }
}

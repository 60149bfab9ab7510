using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>BatchNormalization: running statistics unless the module trains BN (not the default: docs/method.md#network-shape).</summary>
internal static class NormalizationOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels) =>
        kernels["BatchNormalization"] = BatchNormalization;

    private static Tensor BatchNormalization(NodeContext context)
    {
        if (context.Int("training_mode", 0) != 0)
        {
            throw context.Unsupported("training_mode=1 graphs; import the inference graph");
        }
        // ONNX keeps `momentum` of the old value (running = running·m + batch·(1−m)); torch's is the new value's share.
        var momentum = 1.0 - context.Float("momentum", 0.9f);
        return functional.batch_norm(
            context.Input(0),
            context.Input(3),
            context.Input(4),
            context.Input(1),
            context.Input(2),
            training: context.BatchNormTraining,
            momentum: momentum,
            eps: context.Float("epsilon", 1e-5f));
    }
}

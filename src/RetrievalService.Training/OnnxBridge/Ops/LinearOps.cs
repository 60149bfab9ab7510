using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>Gemm (Y = α·A'·B' + β·C with optional transposes) and MatMul (numpy broadcasting).</summary>
internal static class LinearOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels)
    {
        kernels["Gemm"] = Gemm;
        kernels["MatMul"] = context => context.Input(0).matmul(context.Input(1));
    }

    private static Tensor Gemm(NodeContext context)
    {
        var a = context.Int("transA", 0) != 0 ? context.Input(0).t() : context.Input(0);
        var b = context.Int("transB", 0) != 0 ? context.Input(1).t() : context.Input(1);
        var alpha = context.Float("alpha", 1f);
        var product = alpha == 1f ? a.matmul(b) : a.matmul(b) * alpha;
        if (context.OptionalInput(2) is not { } c)
        {
            return product;
        }
        var beta = context.Float("beta", 1f);
        return beta == 1f ? product + c : product + c * beta;
    }
}

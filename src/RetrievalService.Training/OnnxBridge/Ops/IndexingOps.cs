using static TorchSharp.torch;

namespace RetrievalService.Training.OnnxBridge.Ops;

/// <summary>Constant, Shape and Gather: the shape arithmetic older PyTorch exports emit around Reshape.</summary>
internal static class IndexingOps
{
    public static void Register(IDictionary<string, Func<NodeContext, Tensor>> kernels)
    {
        kernels["Constant"] = context => TensorConversion.ToTorch(
            context.TensorAttribute("value") ?? throw context.Unsupported("only the tensor 'value' attribute"));
        kernels["Shape"] = context => tensor(context.Input(0).shape, ScalarType.Int64);
        kernels["Gather"] = Gather;
    }

    private static Tensor Gather(NodeContext context)
    {
        var data = context.Input(0);
        var indices = context.Input(1).to_type(ScalarType.Int64);
        var axis = context.Int("axis", 0);
        axis = axis < 0 ? axis + data.dim() : axis;
        var size = data.shape[axis];
        // ONNX allows negative indices counted from the end.
        var wrapped = where(indices < 0, indices + size, indices);
        var picked = data.index_select(axis, wrapped.flatten());
        long[] shape = [.. data.shape.Take((int)axis), .. indices.shape, .. data.shape.Skip((int)axis + 1)];
        return picked.reshape(shape);
    }
}

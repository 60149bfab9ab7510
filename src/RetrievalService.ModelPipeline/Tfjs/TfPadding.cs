namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>TensorFlow "SAME" padding as explicit (begin, end) pads along one spatial axis.</summary>
public static class TfPadding
{
    /// <summary>
    /// TF's rule for a known input size: output = ⌈input / stride⌉ and the total padding needed to reach it is
    /// split with the odd pixel at the end (bottom/right), unlike PyTorch's symmetric padding.
    /// </summary>
    public static (int Begin, int End) Same(int inputSize, int kernel, int stride, int dilation = 1)
    {
        var effectiveKernel = (kernel - 1) * dilation + 1;
        var output = (inputSize + stride - 1) / stride;
        var total = Math.Max((output - 1) * stride + effectiveKernel - inputSize, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>
    /// "SAME" pads that are exact for every input size divisible by <paramref name="stride"/>, where the rule
    /// reduces to total = max(kernel − stride, 0). ONNX pads are static while the converted graph's sizes are
    /// symbolic, so this is what the converter emits: for MobileNetV2 (five stride-2 layers) images whose sides
    /// are multiples of 32 match TF exactly. Other sizes still run; TF would output ⌈n/2⌉ where these pads give
    /// ⌊n/2⌋ at an odd stride-2 input, and the border pixels differ accordingly.
    /// </summary>
    public static (int Begin, int End) SameForDivisibleInput(int kernel, int stride, int dilation = 1) =>
        Same(stride * 16, kernel, stride, dilation);
}

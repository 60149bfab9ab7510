using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace RetrievalService.Training.Tests.Support;

/// <summary>Runs a model's first output with ONNX Runtime on one thread: the reference for parity.</summary>
internal static class OrtRunner
{
    public static float[] Run(ModelProto model, float[] input, long[] shape) => Run(model.ToByteArray(), input, shape);

    public static float[] Run(byte[] model, float[] input, long[] shape)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [value], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}

using Microsoft.ML.OnnxRuntime;

namespace RetrievalService.ModelPipeline.Tests;

/// <summary>Runs an ONNX model on one float input with one intra-op thread, returning named outputs.</summary>
internal static class OrtRunner
{
    public static Dictionary<string, (float[] Values, long[] Shape)> Run(byte[] model, string inputName, float[] input, long[] shape)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        var outputNames = session.OutputNames;
        using var outputs = session.Run(runOptions, [inputName], [value], outputNames);
        return outputNames.Zip(outputs).ToDictionary(
            pair => pair.First,
            pair => (pair.Second.GetTensorDataAsSpan<float>().ToArray(), pair.Second.GetTensorTypeAndShape().Shape));
    }

    public static Dictionary<string, (float[] Values, long[] Shape)> Run(string modelPath, string inputName, float[] input, long[] shape) =>
        Run(File.ReadAllBytes(modelPath), inputName, input, shape);
}

using Microsoft.ML.OnnxRuntime;
using Onnx;
using Google.Protobuf;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

/// <summary>
/// Converts the backbone once per test class. Lazy, so a missing download fails each test with the
/// setup hint instead of an opaque fixture-constructor error.
/// </summary>
public sealed class ConvertedBackbone : IDisposable
{
    private readonly Lazy<(ModelProto Model, InferenceSession Session)> _converted = new(Convert);

    public ModelProto Model => _converted.Value.Model;

    public InferenceSession Session => _converted.Value.Session;

    /// <summary>Runs the model on NCHW RGB 0..255 pixels; returns the features and their shape.</summary>
    public (float[] Values, long[] Shape) Run(float[] nchw, long[] shape)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(nchw, shape);
        using var runOptions = new RunOptions();
        using var outputs = Session.Run(runOptions, [RetrievalService.ModelPipeline.Onnx.ModelIo.Input], [input],
            [MobileNetV2Backbone.FeaturesOutput]);
        var output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }

    public void Dispose()
    {
        if (_converted.IsValueCreated)
        {
            _converted.Value.Session.Dispose();
        }
    }

    private static (ModelProto, InferenceSession) Convert()
    {
        var model = MobileNetV2Backbone.LoadAndConvert(TfjsTestPaths.NsfwjsPackageDir());
        // One intra-op thread: results independent of OMP_NUM_THREADS and core count.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        return (model, new InferenceSession(model.ToByteArray(), options));
    }
}

using Onnx;
using RetrievalService.DataSources.Npm;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelTool.Commands;

internal static class StudentBackbone
{
    /// <summary>Fetches nsfwjs from the npm registry (once) and converts its MobileNetV2 to ONNX.</summary>
    public static async Task<ModelProto> ConvertAsync(string dataDir, CancellationToken ct)
    {
        var packageDir = await NsfwjsSource.FetchAsync(dataDir, ct);
        return MobileNetV2Backbone.LoadAndConvert(packageDir);
    }
}

using Onnx;
using RetrievalService.DataSources.Npm;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// The student backbone: nsfwjs's MobileNetV2 1.4 (TF-Hub feature vector) converted to ONNX and cut at the
/// last 1×1 conv + Relu6, before the average pool. Input <c>image</c> [batch,3,height,width] RGB 0..255;
/// output <see cref="FeaturesOutput"/> [batch,1792,height/32,width/32]. Sides that are multiples of 32 match
/// TFJS exactly (see <see cref="TfPadding.SameForDivisibleInput"/>); the NSFW classification head is dropped.
/// </summary>
public static class MobileNetV2Backbone
{
    public const string FeaturesOutput = "features";

    public const int Channels = 1792;

    /// <summary>Prefix of every backbone node in the TF-Hub SavedModel the nsfwjs model was converted from.</summary>
    public const string NodePrefix =
        "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/";

    /// <summary>The 1792-channel feature map: output of the last 1×1 conv + Relu6.</summary>
    public const string FeatureMapNode = NodePrefix + "MobilenetV2/Conv_1/Relu6";

    /// <summary>The pooled 1792-d vector in the TFJS graph (global mean of <see cref="FeatureMapNode"/>); golden tests use it.</summary>
    public const string FeatureVectorNode = NodePrefix + "feature_vector/SpatialSqueeze";

    /// <summary>Loads <c>dist/models/mobilenet_v2_mid</c> from an extracted nsfwjs package and converts it.</summary>
    public static ModelProto LoadAndConvert(string nsfwjsPackageDir)
    {
        var model = TfjsModelReader.Load(Path.Combine(nsfwjsPackageDir, NsfwjsSource.MobileNetV2ModelPath));
        var onnx = TfjsToOnnxConverter.Convert(model, new TfjsConversion(FeatureMapNode, FeaturesOutput)
        {
            GraphName = "student-mobilenetv2-1.4-features",
        });
        var channels = onnx.Graph.Output.Single().Type.TensorType.Shape.Dim[1].DimValue;
        if (channels != Channels)
        {
            throw new InvalidDataException($"{nsfwjsPackageDir}: feature map has {channels} channels, expected {Channels}.");
        }
        return onnx;
    }
}

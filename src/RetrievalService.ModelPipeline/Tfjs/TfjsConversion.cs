using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// What <see cref="TfjsToOnnxConverter"/> produces: the graph is cut at <see cref="OutputNode"/> (its output becomes
/// <see cref="OutputName"/>), and the image input <see cref="InputName"/> is multiplied by <see cref="InputScale"/>
/// before it feeds the TFJS placeholder (1/255 maps RGB 0..255 to the [0,1] that nsfwjs models expect).
/// </summary>
public sealed record TfjsConversion(string OutputNode, string OutputName)
{
    public string InputName { get; init; } = ModelIo.Input;

    public float InputScale { get; init; } = 1f / 255f;

    public string GraphName { get; init; } = "tfjs-converted";
}

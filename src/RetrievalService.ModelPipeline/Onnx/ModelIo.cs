namespace RetrievalService.ModelPipeline.Onnx;

/// <summary>Graph input/output names shared by every model the pipeline produces.</summary>
public static class ModelIo
{
    public const string Input = "image";
    public const string Output = "embedding";
}

using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.ModelPipeline.Teacher;

/// <summary>The manifest of the ResNet-18 GeM teacher (file name and hash are filled in when written).</summary>
public static class TeacherManifest
{
    public const string Id = "teacher-resnet18-gem";

    /// <summary>
    /// The teacher after static int8 quantization: the service's default query model on CPU. Its vectors are the
    /// teacher's up to rounding, so it searches the float teacher's gallery; committed with its ONNX
    /// (scripts/results/quantize-teacher.sh reproduces it from the teacher and photoviews' train split).
    /// </summary>
    public const string QuantizedId = "teacher-resnet18-gem-int8";

    public static ModelManifest Create() => new()
    {
        Id = Id,
        Version = "1.0.0",
        Role = ModelRole.Teacher,
        Architecture = "ResNet-18 (CNTK, stages 2-2-2-3, ImageNet) → GeM p=3 → L2N",
        OnnxFile = "",
        Sha256 = "",
        Input = new InputConvention { RecommendedLongerSide = 224, Preprocessing = ImagePipeline.Identity },
        Output = new OutputSpec { Dimension = ResNet18TeacherBuilder.Dimension },
        Provenance = new Provenance
        {
            Source = "nuget:Microsoft.ML.DnnImageFeaturizer.ResNet18@0.23.1 ResNet18Onnx/ResNet18.onnx sha256:" + ResNet18TeacherBuilder.SourceSha256,
            Method = "Graph rewrite: symbolic batch/height/width, CNTK begin-heavy pads made symmetric (identical at even sizes, valid at odd ones), RGB→BGR and mean subtraction folded into a 1×1 conv, final 7×7 average pool replaced by GeM (p=3) + L2N. No weights changed.",
            Command = "dotnet run --project src/RetrievalService.ModelTool -- build-teacher",
        },
    };
}

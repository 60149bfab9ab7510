using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.ModelPipeline.Teacher;

/// <summary>The manifest of the ResNet-18 GeM teacher (file name and hash are filled in when written).</summary>
public static class TeacherManifest
{
    public const string Id = "teacher-resnet18-gem";

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

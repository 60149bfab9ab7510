using RetrievalService.Embedding.Manifests;

namespace RetrievalService.ModelPipeline.Student;

/// <summary>Manifest of a depth-pruned teacher, the starting point of a ResNet student (file name and hash filled in when written).</summary>
public static class DepthPrunedManifests
{
    /// <summary>"student-resnet10-init" for the teacher cut to one block per stage.</summary>
    public static string InitId(IReadOnlyList<int> blocksPerStage) => $"student-resnet{DepthPrunedStudent.WeightLayers(blocksPerStage)}-init";

    public static ModelManifest Init(ModelManifest teacher, IReadOnlyList<int> teacherLayout, IReadOnlyList<int> blocksPerStage) => new()
    {
        Id = InitId(blocksPerStage),
        Version = "1.0.0",
        Role = ModelRole.Student,
        Architecture = $"{teacher.Architecture.Split(" → ")[0]} cut to {DepthPrunedStudent.Describe(blocksPerStage)} blocks per stage "
                       + $"(of {DepthPrunedStudent.Describe(teacherLayout)}; the leading blocks kept) → GeM p=3 → L2N",
        OnnxFile = "",
        Sha256 = "",
        Input = teacher.Input,
        Output = teacher.Output,
        Provenance = new Provenance
        {
            Source = $"{teacher.Id} (sha256:{teacher.Sha256})",
            Method = "Initialisation for training: the teacher's later residual blocks removed, each bridged by its identity "
                     + "shortcut; every kept weight copied unchanged. Untrained: its vectors are not yet compatible with the teacher's.",
            Command = $"dotnet run --project src/RetrievalService.ModelTool -- build-pruned-student --blocks {string.Join(',', blocksPerStage)}",
        },
    };
}

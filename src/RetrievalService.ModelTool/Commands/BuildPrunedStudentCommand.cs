using System.CommandLine;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelTool.Commands;

internal static class BuildPrunedStudentCommand
{
    public static Command Create()
    {
        var models = CommonOptions.ModelsDir();
        var blocks = new Option<string>("--blocks")
        {
            Description = "Residual blocks to keep per stage, comma-separated (the teacher has 2,2,2,3; 1,1,1,1 gives ResNet-10).",
            DefaultValueFactory = _ => "1,1,1,1",
        };
        var teacherOption = new Option<FileInfo?>("--teacher") { Description = "Teacher manifest (default: the teacher in --models)." };
        var command = new Command("build-pruned-student", "Cut the teacher's later residual blocks to make a ResNet student initialisation.")
        {
            models, blocks, teacherOption,
        };
        command.SetAction(parse => ModelToolErrors.Reporting("build-pruned-student", () =>
        {
            var modelsDir = parse.GetValue(models)!.FullName;
            var manifestPath = parse.GetValue(teacherOption)?.FullName ?? ModelArtifactWriter.ManifestPath(modelsDir, TeacherManifest.Id);
            var teacher = ModelManifestJson.Load(manifestPath);
            var teacherModel = OnnxFiles.Load(ModelManifestJson.OnnxPath(teacher, manifestPath));
            var keep = ParseCounts(parse.GetValue(blocks)!);

            var student = DepthPrunedStudent.Build(teacherModel, keep, DepthPrunedManifests.InitId(keep));
            var manifest = DepthPrunedManifests.Init(teacher, DepthPrunedStudent.BlocksPerStage(teacherModel.Graph), keep);
            Console.WriteLine(ModelArtifactWriter.Write(student, manifest, modelsDir).ManifestPath);
            return 0;
        }));
        return command;
    }

    private static int[] ParseCounts(string text)
    {
        var counts = text.Split(',', StringSplitOptions.TrimEntries).Select(p => int.TryParse(p, out var n) && n >= 0 ? n : -1).ToArray();
        return counts.All(n => n >= 0)
            ? counts
            : throw new ArgumentException($"--blocks: expected non-negative counts like 1,1,1,1, got '{text}'.");
    }
}

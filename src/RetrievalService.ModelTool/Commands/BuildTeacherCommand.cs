using System.CommandLine;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelTool.Commands;

internal static class BuildTeacherCommand
{
    public static Command Create()
    {
        var models = CommonOptions.ModelsDir();
        var source = new Option<FileInfo?>("--source") { Description = "ResNet18.onnx to convert (default: from the NuGet packages folder)." };
        var command = new Command("build-teacher", "Rewrite ML.NET's ResNet-18 into the GeM teacher.") { models, source };
        command.SetAction(parse => ModelToolErrors.Reporting("build-teacher", () =>
        {
            var sourcePath = parse.GetValue(source)?.FullName ?? ResNet18Source.Locate();
            var teacher = ResNet18TeacherBuilder.Build(OnnxFiles.Load(sourcePath));
            var (onnx, manifest) = ModelArtifactWriter.Write(teacher, TeacherManifest.Create(), parse.GetValue(models)!.FullName);
            Console.Error.WriteLine($"teacher: {onnx}");
            Console.WriteLine(manifest);
            return 0;
        }));
        return command;
    }
}

using System.CommandLine;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelTool.Commands;

internal static class BuildStudentCommand
{
    public const int InitSeed = 20210618;

    public static Command Create()
    {
        var models = CommonOptions.ModelsDir();
        var data = CommonOptions.DataDir();
        var command = new Command("build-student", "Convert the MobileNetV2 backbone and write the linear-adapter student and the conv-head initialisation.") { models, data };
        command.SetAction((parse, ct) => ModelToolErrors.ReportingAsync("build-student", async () =>
        {
            var modelsDir = parse.GetValue(models)!.FullName;
            var backbone = await StudentBackbone.ConvertAsync(parse.GetValue(data)!.FullName, ct);
            var teacher = ModelManifestJson.Load(ModelArtifactWriter.ManifestPath(modelsDir, TeacherManifest.Id));

            var init = StudentGraphs.WithConvHead(backbone, MobileNetV2Backbone.FeaturesOutput, MobileNetV2Backbone.Channels, teacher.Output.Dimension, InitSeed);
            Console.WriteLine(ModelArtifactWriter.Write(init, StudentManifests.ConvHeadInit(teacher.Output.Dimension, InitSeed), modelsDir).ManifestPath);

            var (map, fit) = AdapterFiles.Load(modelsDir, teacher);
            var student = StudentGraphs.WithLinearAdapter(backbone, MobileNetV2Backbone.FeaturesOutput, map);
            Console.WriteLine(ModelArtifactWriter.Write(student, StudentManifests.Linear(teacher, fit), modelsDir).ManifestPath);
            return 0;
        }));
        return command;
    }
}

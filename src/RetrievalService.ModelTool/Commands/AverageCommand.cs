using System.CommandLine;
using RetrievalService.Cli;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Averaging;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelTool.Commands;

internal static class AverageCommand
{
    // The trainer names the GeM exponent's initializer so; the architecture line reports its averaged value.
    private const string GemExponent = "gem.p";

    public static Command Create()
    {
        var models = new Option<FileInfo[]>("--students")
        {
            Description = "Manifests of the students to average (two or more, one graph, fine-tuned from one initialisation).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var id = new Option<string>("--id") { Description = "Id of the averaged student.", Required = true };
        var output = CommonOptions.ModelsDir();
        var command = new Command("average", "Uniform weight average (model soup) of students fine-tuned from one initialisation; writes the model and its manifest.")
        {
            models, id, output,
        };
        command.SetAction(parse => ModelToolErrors.Reporting("average", () =>
        {
            var paths = parse.GetValue(models)!;
            if (paths.Length < 2)
            {
                return ModelToolErrors.Fail("average", $"--students needs at least two manifests; got {paths.Length}.");
            }
            var outputId = parse.GetValue(id)!;
            if (ShippedModelIds.IsShipped(outputId))
            {
                return ModelToolErrors.Fail("average", ShippedModelIds.Refusal("--id", outputId) + ".");
            }
            var sources = new List<ModelManifest>();
            var graphs = new List<Onnx.ModelProto>();
            foreach (var path in paths)
            {
                var manifest = ModelManifestJson.Load(path.FullName);
                var onnxPath = ModelManifestJson.OnnxPath(manifest, path.FullName);
                if (FileHashes.Sha256(onnxPath) != manifest.Sha256)
                {
                    return ModelToolErrors.Fail("average", $"'{onnxPath}' does not match the SHA-256 in its manifest.");
                }
                if (manifest.Id == outputId)
                {
                    return ModelToolErrors.Fail("average", $"--id '{outputId}' is the id of {path.Name} and would overwrite it; choose a new id.");
                }
                sources.Add(manifest);
                graphs.Add(OnnxFiles.Load(onnxPath));
            }
            var commandLine = ReproducingCommand.Describe("--project src/RetrievalService.ModelTool -c Release", parse);
            // Averaging only computes; students of two teachers (or of no shared initialisation) are refused by the
            // manifest below before anything is written.
            var averaged = WeightAveraging.Average(graphs);
            var gem = averaged.Graph.Initializer.FirstOrDefault(i => i.Name == GemExponent);
            double? gemP = gem is null ? null : OnnxTensors.ReadFloats(gem)[0];
            var averagedManifest = AveragedManifests.From(sources, outputId, gemP, commandLine);
            var written = ModelArtifactWriter.Write(averaged, averagedManifest, parse.GetValue(output)!.FullName);
            Console.WriteLine(written.ManifestPath);
            Console.Error.WriteLine($"average: {sources.Count} students, {averaged.Graph.Initializer.Count} initializers; {averagedManifest.Provenance.Source}");
            return 0;
        }));
        return command;
    }
}

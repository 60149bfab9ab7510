using System.CommandLine;
using System.Diagnostics;
using RetrievalService.Cli;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Quantization;

namespace RetrievalService.ModelTool.Commands;

internal static class QuantizeCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "Manifest of the float model to quantize.", Required = true };
        var calibration = new Option<DirectoryInfo>("--calibration")
        {
            Description = "Folder of images (searched recursively) to calibrate on, e.g. a training split; never a test split.",
            Required = true,
        };
        var images = new Option<int>("--images") { Description = "Calibration images, spread evenly over the folder.", DefaultValueFactory = _ => 128 };
        var check = new Option<int>("--check-images") { Description = "Other images from the folder on which the int8 model is compared with the float one.", DefaultValueFactory = _ => 64 };
        var id = new Option<string?>("--id") { Description = "Id of the quantized model (default: <model id>-int8)." };
        var keepFloat = new Option<string[]>("--keep-float") { Description = "Node names to leave in float.", AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 1 };
        var models = CommonOptions.ModelsDir();
        AtLeast(images, 1);
        AtLeast(check, 0);
        AtLeast(threads, 1);
        var command = new Command("quantize", "Post-training static int8 quantization (QDQ) of an embedding model, calibrated on images; writes the model and its manifest.")
        {
            model, calibration, images, check, id, keepFloat, threads, models,
        };
        command.SetAction(parse => ModelToolErrors.Reporting("quantize", () =>
        {
            var started = Stopwatch.StartNew();
            var manifestPath = parse.GetValue(model)!.FullName;
            var source = ModelManifestJson.Load(manifestPath);
            var onnxPath = ModelManifestJson.OnnxPath(source, manifestPath);
            if (FileHashes.Sha256(onnxPath) != source.Sha256)
            {
                return ModelToolErrors.Fail("quantize", $"'{onnxPath}' does not match the SHA-256 in its manifest.");
            }
            var outputId = parse.GetValue(id) ?? source.Id + "-int8";
            // The default id is how the committed int8 models (the teacher's among them) are rebuilt; any other id must
            // leave the source and the shipped models in place.
            if (outputId != source.Id + "-int8" && (outputId == source.Id || ShippedModelIds.IsShipped(outputId)))
            {
                return ModelToolErrors.Fail("quantize", outputId == source.Id
                    ? $"--id '{outputId}' is the float model's own id and would overwrite it; omit --id for '{source.Id}-int8'."
                    : ShippedModelIds.Refusal("--id", outputId) + ".");
            }
            var folder = parse.GetValue(calibration)!;
            var set = CalibrationSet.Sample(folder.FullName, parse.GetValue(images), parse.GetValue(check));
            var keep = (parse.GetValue(keepFloat) ?? []).ToHashSet(StringComparer.Ordinal);
            var (quantized, report) = ModelQuantizer.Quantize(OnnxFiles.Load(onnxPath), source.Input, set, parse.GetValue(threads), keep);
            var commandLine = ReproducingCommand.Describe("--project src/RetrievalService.ModelTool -c Release", parse);
            var manifest = QuantizedManifests.From(source, outputId, report,
                $"{report.CalibrationImages} images spread over {Path.GetRelativePath(Environment.CurrentDirectory, folder.FullName)} (ordinal path order); float agreement on {report.AgreementImages} others.",
                commandLine);
            var written = ModelArtifactWriter.Write(quantized, manifest, parse.GetValue(models)!.FullName);
            Console.WriteLine(written.ManifestPath);
            Console.Error.WriteLine(
                $"quantize: {report.QuantizedNodes} nodes, {report.FoldedActivations} activations and {report.FoldedBatchNorms} BatchNormalizations folded; agreement with float on {report.AgreementImages} images: "
                + $"mean cosine {report.AgreementMeanCosine:F4}, min {report.AgreementMinCosine:F4} ({started.Elapsed.TotalSeconds:F0} s)");
            return 0;
        }));
        return command;
    }

    private static void AtLeast(Option<int> option, int minimum) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum}.");
            }
        });
}

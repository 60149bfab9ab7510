using System.Text.Json.Nodes;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Tests.Fixtures;
using RetrievalService.Evaluator.Tests.Fixtures;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.Evaluator.Tests;

/// <summary>Option values and datasets a user can fix end the evaluator with exit code 2 and no report, not a stack trace.</summary>
public sealed class InputErrorTests(TinyDatasetFixture fixture) : IClassFixture<TinyDatasetFixture>
{
    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "17")]
    [InlineData("--threads", "-1")]
    public async Task Worker_and_thread_counts_out_of_range_are_an_input_error(string option, string value)
    {
        using var temp = new TempFolder();

        var code = await EvaluatorApp.RunAsync(["evaluate", "--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--no-cache",
            option, value, "--json", temp.Combine("r.json")]);

        Assert.Equal(2, code);
        Assert.False(File.Exists(temp.Combine("r.json")));
    }

    [Fact]
    public async Task Compare_with_no_cost_queries_is_an_input_error()
    {
        using var temp = new TempFolder();

        var (code, _) = await EvaluatorRun.RunAsync(temp.Combine("r.json"),
            "compare", "--dataset", fixture.Dataset, "--teacher", EvaluationFiles.Teacher, "--students", EvaluationFiles.LinearStudent,
            "--no-cache", "--cost-queries", "0");

        Assert.Equal(2, code);
        Assert.False(File.Exists(temp.Combine("r.json")));
    }

    [Fact]
    public async Task Whitening_on_a_split_whose_queries_list_no_positives_is_an_input_error()
    {
        using var temp = new TempFolder();
        var unlabelled = temp.Combine("unlabelled");
        TinyDataset.Write(unlabelled);
        var gndPath = Path.Combine(unlabelled, "gnd.json");
        var gnd = JsonNode.Parse(File.ReadAllText(gndPath))!;
        foreach (var query in gnd["gnd"]!.AsArray())
        {
            query!["easy"] = new JsonArray();
            query["hard"] = new JsonArray();
        }
        File.WriteAllText(gndPath, gnd.ToJsonString());

        var (code, _) = await EvaluatorRun.RunAsync(temp.Combine("r.json"),
            "evaluate", "--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--cache-dir", temp.Combine("cache"), "--whiten-on", unlabelled);

        Assert.Equal(2, code);
        Assert.False(File.Exists(temp.Combine("r.json")));
    }

    [Fact]
    public async Task A_query_model_of_another_dimension_than_the_gallery_model_is_an_input_error()
    {
        using var temp = new TempFolder();
        var narrow = HalfWidthCopyOfTheLinearStudent(temp.Combine("models"));

        var (code, _) = await EvaluatorRun.RunAsync(temp.Combine("r.json"),
            "evaluate", "--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--query-model", narrow, "--no-cache");

        Assert.Equal(2, code);
        Assert.False(File.Exists(temp.Combine("r.json")));
    }

    // The shipped student with its output cut to the first half and renormalised: a valid model of another width.
    private static string HalfWidthCopyOfTheLinearStudent(string modelsDir)
    {
        var manifest = ModelManifestJson.Load(EvaluationFiles.LinearStudent);
        var model = OnnxFiles.Load(ModelManifestJson.OnnxPath(manifest, EvaluationFiles.LinearStudent));
        var graph = model.Graph;
        var half = manifest.Output.Dimension / 2;
        foreach (var node in graph.Node.Where(n => n.Output.Contains(ModelIo.Output)))
        {
            node.Output[node.Output.IndexOf(ModelIo.Output)] = "full";
        }
        graph.Initializer.Add(OnnxTensors.Int64("cut_starts", [1], [0]));
        graph.Initializer.Add(OnnxTensors.Int64("cut_ends", [1], [half]));
        graph.Initializer.Add(OnnxTensors.Int64("cut_axes", [1], [1]));
        graph.Node.Add(OnnxNodes.Node("Slice", "cut", ["full", "cut_starts", "cut_ends", "cut_axes"], ["cut"]));
        graph.Node.Add(OnnxNodes.Node("LpNormalization", "renormalise", ["cut"], [ModelIo.Output], OnnxNodes.Int("axis", 1), OnnxNodes.Int("p", 2)));
        graph.Output.Clear();
        graph.Output.Add(OnnxValueInfos.FloatTensor(ModelIo.Output, "batch", half));
        var narrow = manifest with { Id = "student-half-width", Output = manifest.Output with { Dimension = half } };
        return ModelArtifactWriter.Write(model, narrow, modelsDir).ManifestPath;
    }
}

using System.Text.Json.Nodes;
using RetrievalService.Evaluation.Tests.Fixtures;
using RetrievalService.Evaluator.Tests.Fixtures;

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
}

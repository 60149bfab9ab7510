using System.Text.Json;
using RetrievalService.Evaluation.Tests.Fixtures;

namespace RetrievalService.Evaluator.Tests;

public sealed class CompareCommandTests(TinyDatasetFixture fixture) : IClassFixture<TinyDatasetFixture>
{
    [Fact]
    public async Task Compare_writes_the_paper_table_with_costs_and_a_plot()
    {
        using var temp = new TempFolder();

        var (code, report) = await EvaluatorRun.RunAsync(temp.Combine("compare.json"),
            "compare", "--dataset", fixture.Dataset, "--teacher", EvaluationFiles.Teacher, "--students", EvaluationFiles.LinearStudent,
            "--cache-dir", temp.Combine("cache"), "--markdown", temp.Combine("compare.md"));

        Assert.Equal(0, code);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(
            ["teacher-resnet18-gem → teacher-resnet18-gem", "student-mnv2-linear → student-mnv2-linear", "student-mnv2-linear → teacher-resnet18-gem"],
            rows.Select(r => r.GetProperty("label").GetString()));
        Assert.Equal(["symmetric", "symmetric", "asymmetric"], rows.Select(r => r.GetProperty("mode").GetString()));
        Assert.Equal(1.0, rows[0].GetProperty("metrics").GetProperty("medium").GetProperty("meanAveragePrecision").GetDouble(), 9);
        var teacherCost = rows[0].GetProperty("queryCost");
        var studentCost = rows[2].GetProperty("queryCost");
        Assert.True(teacherCost.GetProperty("millisecondsPerImage").GetDouble() > 0);
        // The MobileNetV2 student is the cheap model: fewer multiply-adds per query than the ResNet-18 teacher.
        Assert.True(studentCost.GetProperty("gigaMacs").GetDouble() < teacherCost.GetProperty("gigaMacs").GetDouble());
        Assert.Contains("| student-mnv2-linear → teacher-resnet18-gem | asymmetric |", await File.ReadAllTextAsync(temp.Combine("compare.md")), StringComparison.Ordinal);
        // Agreement is the asymmetric row's alone: a symmetric row has no second model to agree with.
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("agreement").ValueKind);
        Assert.InRange(rows[2].GetProperty("agreement").GetProperty("meanCosine").GetDouble(), 0.3, 0.999);
        var png = await File.ReadAllBytesAsync(temp.Combine("compare.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("single-scale gallery; no whitening; no query expansion", report.GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task Query_expansion_applies_to_every_row_and_the_report_says_so()
    {
        using var temp = new TempFolder();

        var (code, report) = await EvaluatorRun.RunAsync(temp.Combine("compare.json"),
            "compare", "--dataset", fixture.Dataset, "--teacher", EvaluationFiles.Teacher, "--students", EvaluationFiles.LinearStudent,
            "--cache-dir", temp.Combine("cache"), "--query-expansion", "1", "--markdown", temp.Combine("compare.md"), "--cost-queries", "1");

        Assert.Equal(0, code);
        Assert.Equal("single-scale gallery; no whitening; αQE k=1 α=3", report.GetProperty("protocol").GetString());
        Assert.Contains("Protocol: single-scale gallery; no whitening; αQE k=1 α=3.", await File.ReadAllTextAsync(temp.Combine("compare.md")), StringComparison.Ordinal);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(1.0, rows[0].GetProperty("metrics").GetProperty("medium").GetProperty("meanAveragePrecision").GetDouble(), 9);
    }
}

using System.Text.Json;
using RetrievalService.Evaluation.Tests.Fixtures;
using RetrievalService.Evaluator;

namespace RetrievalService.Evaluator.Tests;

/// <summary>One real <c>compare</c> report (teacher and linear student on the tiny dataset), read back by <c>significance</c>.</summary>
public sealed class SignificanceCommandTests(SignificanceCommandTests.ComparedFixture fixture) : IClassFixture<SignificanceCommandTests.ComparedFixture>
{
    public sealed class ComparedFixture : IAsyncLifetime
    {
        private readonly TempFolder folder = new();

        public TinyDatasetFixture Tiny { get; } = new();

        public string Report => Combine("compare.json");

        public string Combine(string name) => folder.Combine(name);

        public JsonElement Compare { get; private set; }

        public async Task InitializeAsync()
        {
            var (code, report) = await EvaluatorRun.RunAsync(Report,
                "compare", "--dataset", Tiny.Dataset, "--teacher", EvaluationFiles.Teacher, "--students", EvaluationFiles.LinearStudent,
                "--cache-dir", Combine("cache"), "--cost-queries", "1");
            Assert.Equal(0, code);
            Compare = report;
        }

        public Task DisposeAsync()
        {
            Tiny.Dispose();
            folder.Dispose();
            return Task.CompletedTask;
        }
    }

    private async Task<(int Code, JsonElement Report)> SignificanceAsync(string name, params string[] args)
    {
        var json = fixture.Combine(name + ".json");
        var code = await EvaluatorApp.RunAsync(["significance", .. args, "--json", json, "--markdown", fixture.Combine(name + ".md")]);
        if (!File.Exists(json))
        {
            return (code, default);
        }
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        return (code, document.RootElement.Clone());
    }

    private double CompareMap(int row, string protocol) =>
        fixture.Compare.GetProperty("rows")[row].GetProperty("metrics").GetProperty(protocol).GetProperty("meanAveragePrecision").GetDouble();

    [Fact]
    public async Task The_student_searching_the_teachers_gallery_is_compared_with_the_teacher_per_protocol()
    {
        var (code, report) = await SignificanceAsync("student-vs-teacher",
            "--dataset", fixture.Tiny.Dataset, "--baseline", fixture.Report, "--baseline-row", "teacher-resnet18-gem", "--candidate-row", "student-mnv2-linear");

        Assert.Equal(0, code);
        Assert.Equal("teacher-resnet18-gem → teacher-resnet18-gem (symmetric)", report.GetProperty("baseline").GetString());
        Assert.Equal("student-mnv2-linear → teacher-resnet18-gem (asymmetric)", report.GetProperty("candidate").GetString());
        var protocols = report.GetProperty("protocols").EnumerateArray().ToList();
        Assert.Equal(["easy", "medium", "hard"], protocols.Select(p => p.GetProperty("protocol").GetString()));
        foreach (var (protocol, i) in protocols.Select((p, i) => (p, i)))
        {
            var name = protocol.GetProperty("protocol").GetString()!;
            // Rows 0 and 2 of the comparison: teacher → teacher and student → teacher. The dots query has no positive.
            Assert.Equal(CompareMap(0, name), protocol.GetProperty("baselineMap").GetDouble(), 12);
            Assert.Equal(CompareMap(2, name), protocol.GetProperty("candidateMap").GetDouble(), 12);
            Assert.Equal(3, protocol.GetProperty("queries").GetInt32());
            Assert.Equal(3, protocol.GetProperty("clusters").GetInt32());
            var lower = protocol.GetProperty("differenceLower").GetDouble();
            var upper = protocol.GetProperty("differenceUpper").GetDouble();
            Assert.InRange(protocol.GetProperty("difference").GetDouble(), lower - 1e-12, upper + 1e-12);
        }
        var markdown = await File.ReadAllTextAsync(fixture.Combine("student-vs-teacher.md"));
        Assert.Contains("| Medium | 3 (3) |", markdown, StringComparison.Ordinal);
        Assert.Contains("significance --dataset", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_against_itself_differs_by_nothing()
    {
        var (code, report) = await SignificanceAsync("self",
            "--dataset", fixture.Tiny.Dataset, "--baseline", fixture.Report, "--baseline-row", "student-mnv2-linear:student-mnv2-linear",
            "--candidate", fixture.Report, "--candidate-row", "student-mnv2-linear:student-mnv2-linear");

        Assert.Equal(0, code);
        var medium = report.GetProperty("protocols")[1];
        Assert.Equal(CompareMap(1, "medium"), medium.GetProperty("candidateMap").GetDouble(), 12);
        Assert.Equal(0.0, medium.GetProperty("differenceLower").GetDouble());
        Assert.Equal(0.0, medium.GetProperty("differenceUpper").GetDouble());
    }

    [Fact]
    public async Task A_missing_row_is_an_input_error_that_lists_the_rows_and_writes_nothing()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var (code, _) = await SignificanceAsync("missing",
                "--dataset", fixture.Tiny.Dataset, "--baseline", fixture.Report, "--baseline-row", "teacher-resnet18-gem", "--candidate-row", "no-such-model");

            Assert.Equal(2, code);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("has no row 'no-such-model'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("student-mnv2-linear:teacher-resnet18-gem (asymmetric)", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(fixture.Combine("missing.json")));
        Assert.False(File.Exists(fixture.Combine("missing.md")));
    }

    [Fact]
    public async Task A_report_made_on_another_query_set_is_an_input_error()
    {
        // Same gallery, one query fewer: the per-query APs of the report cannot be paired with this ground truth.
        var other = fixture.Combine("three-queries");
        Directory.CreateDirectory(other);
        var gnd = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await File.ReadAllTextAsync(Path.Combine(fixture.Tiny.Dataset, "gnd.json")))!;
        gnd["qimlist"] = JsonSerializer.SerializeToElement(gnd["qimlist"].EnumerateArray().Take(3));
        gnd["gnd"] = JsonSerializer.SerializeToElement(gnd["gnd"].EnumerateArray().Take(3));
        await File.WriteAllTextAsync(Path.Combine(other, "gnd.json"), JsonSerializer.Serialize(gnd));

        var (code, _) = await SignificanceAsync("other-queries",
            "--dataset", other, "--baseline", fixture.Report, "--baseline-row", "teacher-resnet18-gem", "--candidate-row", "student-mnv2-linear");

        Assert.Equal(2, code);
        Assert.False(File.Exists(fixture.Combine("other-queries.json")));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"winRate\": 0.99}")]
    [InlineData("not json")]
    public async Task A_file_that_is_not_an_evaluator_report_is_an_input_error(string content)
    {
        var path = fixture.Combine($"not-a-report-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, content);

        var (code, _) = await SignificanceAsync("not-a-report", "--dataset", fixture.Tiny.Dataset, "--baseline", path);

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Too_few_resamples_are_a_usage_error()
    {
        var (code, _) = await SignificanceAsync("few",
            "--dataset", fixture.Tiny.Dataset, "--baseline", fixture.Report, "--baseline-row", "teacher-resnet18-gem", "--resamples", "10");

        Assert.Equal(1, code);
    }
}

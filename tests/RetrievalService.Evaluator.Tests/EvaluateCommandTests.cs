using System.Text.Json;
using RetrievalService.Evaluation.Tests.Fixtures;
using RetrievalService.Evaluator.Tests.Fixtures;

namespace RetrievalService.Evaluator.Tests;

public sealed class EvaluateCommandTests(TinyDatasetFixture fixture) : IClassFixture<TinyDatasetFixture>
{
    [Fact]
    public async Task Teacher_ranks_copies_first_and_a_second_run_reads_everything_from_the_cache()
    {
        using var temp = new TempFolder();
        string[] args = ["evaluate", "--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--cache-dir", temp.Combine("cache")];

        var (firstCode, first) = await EvaluatorRun.RunAsync(temp.Combine("first.json"), args);
        var (secondCode, second) = await EvaluatorRun.RunAsync(temp.Combine("second.json"), args);

        Assert.Equal((0, 0), (firstCode, secondCode));
        Assert.Equal("symmetric", first.GetProperty("mode").GetString());
        Assert.Equal(1.0, first.Map("easy"), 9);
        Assert.Equal(1.0, first.Map("medium"), 9);
        Assert.Equal(1.0, first.Map("hard"), 9);
        // The dots query lists no positive: every protocol skips it.
        Assert.Equal(1, first.GetProperty("metrics").GetProperty("medium").GetProperty("skipped").GetInt32());
        Assert.Equal(TinyDataset.Gallery.Length + 4, first.GetProperty("imagesEmbedded").GetInt32());
        Assert.Equal(0, second.GetProperty("imagesEmbedded").GetInt32());
        Assert.True(second.GetProperty("gallery").GetProperty("fromCache").GetBoolean());
        Assert.True(File.Exists(second.GetProperty("gallery").GetProperty("cacheFile").GetString()));
        Assert.Equal(first.GetProperty("metrics").GetRawText(), second.GetProperty("metrics").GetRawText());
    }

    [Fact]
    public async Task A_student_against_the_same_teacher_gallery_reuses_the_cached_gallery()
    {
        using var temp = new TempFolder();
        string[] common = ["--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--cache-dir", temp.Combine("cache")];
        await EvaluatorRun.RunAsync(temp.Combine("teacher.json"), ["evaluate", .. common]);

        var (code, report) = await EvaluatorRun.RunAsync(temp.Combine("student.json"),
            ["evaluate", .. common, "--query-model", EvaluationFiles.LinearStudent, "--markdown", temp.Combine("student.md")]);

        Assert.Equal(0, code);
        Assert.Equal("asymmetric", report.GetProperty("mode").GetString());
        Assert.True(report.GetProperty("gallery").GetProperty("fromCache").GetBoolean());
        Assert.False(report.GetProperty("queries").GetProperty("fromCache").GetBoolean());
        // The 4 queries, and the 12 gallery images once more with the student for its agreement with the teacher.
        Assert.Equal(4 + TinyDataset.Gallery.Length, report.GetProperty("imagesEmbedded").GetInt32());
        Assert.InRange(report.Map("medium"), 0.0, 1.0);
        var agreement = report.GetProperty("agreement");
        Assert.Equal(TinyDataset.Gallery.Length, agreement.GetProperty("images").GetInt32());
        Assert.InRange(agreement.GetProperty("p10Cosine").GetDouble(), -1, agreement.GetProperty("meanCosine").GetDouble());
        Assert.InRange(agreement.GetProperty("meanCosine").GetDouble(), 0.3, 0.999);
        var markdown = await File.ReadAllTextAsync(temp.Combine("student.md"));
        Assert.Contains("| Medium |", markdown, StringComparison.Ordinal);
        Assert.Contains("agreement with the gallery model on the 12 gallery images: mean cosine", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multi_scale_gallery_and_whitening_keep_the_obvious_ranking()
    {
        using var temp = new TempFolder();

        var (code, report) = await EvaluatorRun.RunAsync(temp.Combine("r.json"),
            "evaluate", "--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--cache-dir", temp.Combine("cache"),
            "--multiscale", "--whiten-on", fixture.Dataset);

        Assert.Equal(0, code);
        Assert.Contains("scales=1,0.7071,0.5", report.GetProperty("gallery").GetProperty("settings").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, report.GetProperty("whitening").ValueKind);
        Assert.Equal(1.0, report.Map("medium"), 9);
    }

    [Fact]
    public async Task Query_expansion_is_reported_and_keeps_the_obvious_ranking()
    {
        using var temp = new TempFolder();
        string[] common = ["evaluate", "--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--cache-dir", temp.Combine("cache")];
        var (_, plain) = await EvaluatorRun.RunAsync(temp.Combine("plain.json"), common);

        var (code, expanded) = await EvaluatorRun.RunAsync(temp.Combine("qe.json"),
            [.. common, "--query-expansion", "2", "--qe-alpha", "1", "--markdown", temp.Combine("qe.md")]);

        Assert.Equal(0, code);
        Assert.Equal("αQE k=2 α=1", expanded.GetProperty("queryExpansion").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("queryExpansion").ValueKind);
        Assert.Equal(1.0, expanded.Map("medium"), 9);
        Assert.Contains("- query expansion: αQE k=2 α=1", await File.ReadAllTextAsync(temp.Combine("qe.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "3")]
    [InlineData("1", "-1")]
    public async Task Query_expansion_settings_out_of_range_are_a_usage_error(string neighbours, string alpha)
    {
        using var temp = new TempFolder();

        var (code, _) = await EvaluatorRun.RunAsync(temp.Combine("r.json"),
            "evaluate", "--dataset", fixture.Dataset, "--gallery-model", EvaluationFiles.Teacher, "--no-cache", "--query-expansion", neighbours, "--qe-alpha", alpha);

        Assert.Equal(1, code);
        Assert.False(File.Exists(temp.Combine("r.json")));
    }

    [Fact]
    public async Task A_dataset_with_a_missing_image_exits_with_code_2()
    {
        using var temp = new TempFolder();
        TinyDataset.Write(temp.Combine("broken"));
        File.Delete(temp.Combine("broken", "g", "dots.png"));

        var (code, _) = await EvaluatorRun.RunAsync(temp.Combine("r.json"),
            "evaluate", "--dataset", temp.Combine("broken"), "--gallery-model", EvaluationFiles.Teacher, "--no-cache");

        Assert.Equal(2, code);
        Assert.False(File.Exists(temp.Combine("r.json")));
    }
}

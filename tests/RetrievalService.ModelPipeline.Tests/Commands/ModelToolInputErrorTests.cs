using System.Text.Json.Nodes;
using RetrievalService.Cli;
using RetrievalService.TestSupport;

namespace RetrievalService.ModelPipeline.Tests.Commands;

/// <summary>Mistakes a user can fix end model-tool's build commands with one line and the input-error code, not a stack trace.</summary>
public sealed class ModelToolInputErrorTests : IDisposable
{
    private readonly ModelToolRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Build_teacher_from_a_missing_source_file_is_an_input_error()
    {
        Assert.Equal(CommandErrors.InputError,
            await ModelToolRun.InvokeAsync("build-teacher", "--source", run.Combine("missing.onnx"), "--models", run.Combine("models")));
    }

    [Fact]
    public async Task Fit_adapter_without_a_teacher_in_the_models_folder_is_an_input_error()
    {
        Assert.Equal(CommandErrors.InputError,
            await ModelToolRun.InvokeAsync("fit-adapter", "--models", run.Combine("models"), "--data", run.Combine("data")));
    }

    [Fact]
    public async Task Fit_adapter_without_the_unpacked_photo_packages_is_an_input_error()
    {
        Assert.Equal(CommandErrors.InputError,
            await ModelToolRun.InvokeAsync("fit-adapter", "--models", RepoPaths.Models, "--data", run.Combine("data")));
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--views", "0")]
    public async Task Fit_adapter_with_no_workers_or_views_is_an_input_error(string option, string value)
    {
        Assert.Equal(CommandErrors.InputError,
            await ModelToolRun.InvokeAsync("fit-adapter", "--models", RepoPaths.Models, "--data", RepoPaths.Data, option, value));
    }

    [Fact]
    public async Task Build_student_with_an_adapter_fitted_for_another_teacher_is_an_input_error()
    {
        var models = Directory.CreateDirectory(run.Combine("models")).FullName;
        foreach (var file in (string[])["teacher-resnet18-gem.manifest.json", "teacher-resnet18-gem.onnx"])
        {
            File.Copy(RepoPaths.RequireModel(file), Path.Combine(models, file));
        }
        var adapters = Directory.CreateDirectory(Path.Combine(models, "adapters")).FullName;
        var report = JsonNode.Parse(File.ReadAllText(RepoPaths.RequireModel(Path.Combine("adapters", "student-mnv2-linear.fit.json"))))!;
        report["context"]!["teacherSha256"] = new string('0', 64);
        File.WriteAllText(Path.Combine(adapters, "student-mnv2-linear.fit.json"), report.ToJsonString());

        Assert.Equal(CommandErrors.InputError, await ModelToolRun.InvokeAsync("build-student", "--models", models, "--data", RepoPaths.Data));
        Assert.False(File.Exists(Path.Combine(models, "student-mnv2-linear.manifest.json")));
    }
}

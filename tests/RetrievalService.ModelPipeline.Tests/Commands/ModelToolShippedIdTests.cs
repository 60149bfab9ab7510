using RetrievalService.Cli;
using RetrievalService.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.ModelPipeline.Tests.Commands;

/// <summary>quantize and average never write over their source or a shipped model.</summary>
public sealed class ModelToolShippedIdTests : IDisposable
{
    private readonly ModelToolRun run = new();

    public void Dispose() => run.Dispose();

    // A usable calibration folder, so that only the id can stop the command.
    private string CalibrationImages()
    {
        var folder = Directory.CreateDirectory(run.Combine("images")).FullName;
        for (var i = 0; i < 3; i++)
        {
            using var image = new Image<Rgb24>(96, 80, new Rgb24((byte)(60 * i), 90, 200));
            image.SaveAsPng(Path.Combine(folder, $"{i}.png"));
        }
        return folder;
    }

    [Theory]
    [InlineData("teacher-resnet18-gem")]
    [InlineData("student-mnv2-linear")]
    public async Task Quantize_refuses_the_source_id_and_shipped_ids_before_writing(string id)
    {
        var exit = await ModelToolRun.InvokeAsync("quantize", "--model", RepoPaths.RequireModel("teacher-resnet18-gem.manifest.json"),
            "--calibration", CalibrationImages(), "--images", "2", "--check-images", "0", "--id", id, "--models", run.Combine("models"));

        Assert.Equal(CommandErrors.InputError, exit);
        Assert.False(Directory.Exists(run.Combine("models")));
    }

    [Fact]
    public async Task Quantize_refuses_the_float_students_own_id()
    {
        var exit = await ModelToolRun.InvokeAsync("quantize", "--model", RepoPaths.RequireModel("student-mnv2-regression.manifest.json"),
            "--calibration", CalibrationImages(), "--images", "2", "--check-images", "0", "--id", "student-mnv2-regression", "--models", run.Combine("models"));

        Assert.Equal(CommandErrors.InputError, exit);
        Assert.False(Directory.Exists(run.Combine("models")));
    }

    [Theory]
    [InlineData("teacher-resnet18-gem")]
    [InlineData("student-mnv2-regression")]
    public async Task Average_refuses_a_source_id_and_shipped_ids_before_writing(string id)
    {
        var exit = await ModelToolRun.InvokeAsync("average", "--students",
            RepoPaths.RequireModel("student-mnv2-regression.manifest.json"), RepoPaths.RequireModel("student-mnv2-regression.manifest.json"),
            "--id", id, "--models", run.Combine("models"));

        Assert.Equal(CommandErrors.InputError, exit);
        Assert.False(Directory.Exists(run.Combine("models")));
    }
}

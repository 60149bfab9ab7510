using RetrievalService.Evaluation.Reports;

namespace RetrievalService.Evaluation.Tests.Significance;

public sealed class ReportPathsTests
{
    [Fact]
    public void Paths_under_the_working_directory_are_written_relative_and_others_as_given()
    {
        var inside = Path.Combine(Environment.CurrentDirectory, "data", "cache", "x.emb");
        var outside = Path.Combine(Path.GetPathRoot(Environment.CurrentDirectory)!, "elsewhere-" + Guid.NewGuid().ToString("N"), "x.emb");

        Assert.Equal("data/cache/x.emb", ReportPaths.Display(inside));
        Assert.Equal(outside, ReportPaths.Display(outside));
    }
}

using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Tests.Fixtures;

namespace RetrievalService.Evaluation.Tests.Datasets;

public sealed class DatasetValidatorTests
{
    private static RetrievalDataset Dataset(string root, params QueryGroundTruth[] gnd) => new()
    {
        Name = "t",
        Root = root,
        GroundTruthFile = Path.Combine(root, "gnd.json"),
        Layout = DatasetLayout.Native,
        Images = ["a.png", "b.png", "c.png"],
        Queries = gnd.Select((_, i) => $"q{i}.png").ToList(),
        GroundTruth = gnd,
    };

    private static void Touch(string root, params string[] names) =>
        Array.ForEach(names, n => File.WriteAllBytes(Path.Combine(root, n), [0]));

    [Fact]
    public void A_valid_dataset_has_no_problem()
    {
        using var temp = new TempFolder();
        Touch(temp.Path, "a.png", "b.png", "c.png", "q0.png");

        Assert.Empty(DatasetValidator.Validate(Dataset(temp.Path, new QueryGroundTruth([0], [1], [2], null))));
    }

    [Fact]
    public void An_index_out_of_range_is_an_error_naming_file_and_entry()
    {
        using var temp = new TempFolder();
        Touch(temp.Path, "a.png", "b.png", "c.png", "q0.png", "q1.png");

        var problems = DatasetValidator.Validate(Dataset(temp.Path, new([0], [], [], null), new([1], [3], [-1], null)));

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal((ProblemSeverity.Error, temp.Combine("gnd.json")), (p.Severity, p.File)));
        Assert.Equal(["gnd[1].hard[0]", "gnd[1].junk[0]"], problems.Select(p => p.Entry));
        Assert.Contains("index 3 is out of range: imlist has 3 images", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_gallery_and_query_files_are_errors_naming_the_path()
    {
        using var temp = new TempFolder();
        Touch(temp.Path, "a.png", "c.png");

        var problems = DatasetValidator.Validate(Dataset(temp.Path, new QueryGroundTruth([0], [], [], null)));

        Assert.Equal(["imlist[1]", "qimlist[0]"], problems.Select(p => p.Entry));
        Assert.Contains(temp.Combine("b.png"), problems[0].Message, StringComparison.Ordinal);
        var error = Assert.Throws<DatasetInvalidException>(() => DatasetValidator.ThrowOnErrors(problems));
        Assert.Contains("imlist[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_without_positives_is_a_warning_saying_every_protocol_skips_it()
    {
        using var temp = new TempFolder();
        Touch(temp.Path, "a.png", "b.png", "c.png", "q0.png");

        var problem = Assert.Single(DatasetValidator.Validate(Dataset(temp.Path, new QueryGroundTruth([], [], [1], null))));

        Assert.Equal((ProblemSeverity.Warning, "gnd[0]"), (problem.Severity, problem.Entry));
        Assert.Contains("skipped in the Easy, Medium and Hard protocols", problem.Message, StringComparison.Ordinal);
        DatasetValidator.ThrowOnErrors([problem]);
    }

    [Fact]
    public void Ground_truth_and_query_counts_must_agree()
    {
        using var temp = new TempFolder();
        var dataset = Dataset(temp.Path, new QueryGroundTruth([0], [], [], null)) with { Queries = ["q0.png", "q1.png"] };

        var problems = DatasetValidator.Validate(dataset, checkFiles: false);

        Assert.Equal("gnd", Assert.Single(problems).Entry);
    }

    [Fact]
    public void An_empty_bbx_is_an_error()
    {
        using var temp = new TempFolder();

        var problems = DatasetValidator.Validate(Dataset(temp.Path, new QueryGroundTruth([0], [], [], new BoundingBox(10, 10, 5, 20))), checkFiles: false);

        Assert.Equal("gnd[0].bbx", Assert.Single(problems).Entry);
    }
}

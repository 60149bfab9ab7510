using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Tests.Fixtures;

namespace RetrievalService.Evaluation.Tests.Datasets;

/// <summary>Fixtures written by Fixtures/make_revisitop_pickles.py in the structure of gnd_roxford5k.pkl.</summary>
public sealed class RevisitopPickleReaderTests
{
    [Theory]
    [InlineData("gnd_tiny_p2.pkl")]
    [InlineData("gnd_tiny_p5.pkl")]
    public void Revisitop_pickles_of_old_and_new_protocols_read_the_same(string file)
    {
        var dataset = DatasetReader.Read(EvaluationFiles.Fixture(file));

        Assert.Equal(DatasetLayout.Revisitop, dataset.Layout);
        Assert.Equal(Path.GetFileNameWithoutExtension(file)["gnd_".Length..], dataset.Name);
        Assert.Equal(["all_souls_000013", "all_souls_000026", "oxford_002985", "radcliffe_camera_000519", "bodleian_000107"], dataset.Images);
        Assert.Equal(["all_souls_000013_q", "radcliffe_camera_000519_q"], dataset.Queries);
        var first = dataset.GroundTruth[0];
        Assert.Equal([0, 1], first.Easy);
        Assert.Equal([4], first.Hard);
        Assert.Equal([2], first.Junk);
        Assert.Equal(new BoundingBox(136.5, 34.1, 648.5, 955.5), first.Box);
        Assert.Empty(dataset.GroundTruth[1].Easy);
        Assert.Equal([3], dataset.GroundTruth[1].Hard);
    }

    [Fact]
    public void Images_resolve_to_jpg_folder_beside_the_pickle_and_validate()
    {
        using var temp = new TempFolder();
        File.Copy(EvaluationFiles.Fixture("gnd_tiny_p5.pkl"), temp.Combine("gnd_tiny.pkl"));
        Directory.CreateDirectory(temp.Combine("jpg"));
        var dataset = DatasetReader.Read(temp.Path);
        foreach (var name in dataset.Images.Concat(dataset.Queries))
        {
            File.WriteAllBytes(temp.Combine("jpg", name + ".jpg"), [0]);
        }

        Assert.Equal(temp.Combine("jpg", "oxford_002985.jpg"), dataset.ImagePath(2));
        Assert.Equal(temp.Combine("jpg", "all_souls_000013_q.jpg"), dataset.QueryPath(0));
        Assert.Empty(DatasetValidator.Validate(dataset));
    }

    [Fact]
    public void A_missing_jpg_is_reported_with_its_path()
    {
        using var temp = new TempFolder();
        File.Copy(EvaluationFiles.Fixture("gnd_tiny_p2.pkl"), temp.Combine("gnd_tiny.pkl"));

        var problems = DatasetValidator.Validate(DatasetReader.Read(temp.Combine("gnd_tiny.pkl")));

        Assert.Equal(7, problems.Count);
        Assert.Contains(problems, p => p.Entry == "imlist[0]" && p.Message.Contains(temp.Combine("jpg", "all_souls_000013.jpg"), StringComparison.Ordinal));
    }

    [Fact]
    public void Numpy_arrays_are_refused_with_a_message_that_says_so()
    {
        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(EvaluationFiles.Fixture("gnd_tiny_numpy.pkl")));

        Assert.Contains("numpy", error.Message, StringComparison.Ordinal);
        Assert.Contains("gnd_tiny_numpy.pkl", error.Message, StringComparison.Ordinal);
    }
}

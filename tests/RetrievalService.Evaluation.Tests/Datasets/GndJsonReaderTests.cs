using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Tests.Fixtures;

namespace RetrievalService.Evaluation.Tests.Datasets;

public sealed class GndJsonReaderTests
{
    [Fact]
    public void A_native_folder_reads_lists_ground_truth_and_boxes()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("gnd.json"), """
            {"imlist": ["a.jpg", "sub/b.png", "c.webp"], "qimlist": ["q/1.jpg"],
             "gnd": [{"easy": [0], "hard": [1], "junk": [2], "bbx": [1.5, 2, 30, 40.25]}]}
            """);

        var dataset = DatasetReader.Read(temp.Path);

        Assert.Equal(DatasetLayout.Native, dataset.Layout);
        Assert.Equal(Path.GetFileName(temp.Path), dataset.Name);
        Assert.Equal(["a.jpg", "sub/b.png", "c.webp"], dataset.Images);
        Assert.Equal(temp.Combine("sub", "b.png"), dataset.ImagePath(1));
        Assert.Equal(temp.Combine("q", "1.jpg"), dataset.QueryPath(0));
        var gnd = Assert.Single(dataset.GroundTruth);
        Assert.Equal([0], gnd.Easy);
        Assert.Equal([1], gnd.Hard);
        Assert.Equal([2], gnd.Junk);
        Assert.Equal(new BoundingBox(1.5, 2, 30, 40.25), gnd.Box);
    }

    [Fact]
    public void A_null_bbx_means_the_whole_query_image()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("gnd.json"), """{"imlist": ["a.jpg"], "qimlist": ["q.jpg"], "gnd": [{"easy": [0], "hard": [], "junk": [], "bbx": null}]}""");

        Assert.Null(DatasetReader.Read(temp.Path).GroundTruth[0].Box);
    }

    [Fact]
    public void A_non_integer_index_names_the_file_and_the_entry()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("gnd.json"), """{"imlist": ["a.jpg"], "qimlist": ["q.jpg"], "gnd": [{"easy": [0, "x"], "hard": [], "junk": []}]}""");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(temp.Path));

        Assert.Equal(temp.Combine("gnd.json"), error.File);
        Assert.Contains("gnd[0].easy[1]", error.Entry, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bbx_of_the_wrong_length_names_the_entry()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("gnd.json"), """{"imlist": ["a.jpg"], "qimlist": ["q.jpg", "r.jpg"], "gnd": [{"easy": [0]}, {"easy": [0], "bbx": [1, 2, 3]}]}""");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(temp.Path));

        Assert.Equal("gnd[1].bbx", error.Entry);
    }

    [Fact]
    public void A_missing_key_names_it()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("gnd.json"), """{"imlist": ["a.jpg"], "gnd": []}""");

        Assert.Equal("qimlist", Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(temp.Path)).Entry);
    }

    [Fact]
    public void A_folder_without_ground_truth_is_refused_with_what_was_expected()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.Read(temp.Path));

        Assert.Contains("gnd.json", error.Message, StringComparison.Ordinal);
    }
}

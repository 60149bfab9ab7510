using RetrievalService.DatasetTool.Output;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class GroundTruthFileTests
{
    private static readonly QueryTruth Good = new([0], [1], [], null);

    [Fact]
    public void A_well_formed_file_has_no_problems() =>
        Assert.Empty(new GroundTruthFile(["a.jpg", "b.jpg"], ["q.jpg"], [Good]).Problems());

    [Fact]
    public void An_index_past_the_end_of_imlist_is_reported() =>
        Assert.Contains(new GroundTruthFile(["a.jpg"], ["q.jpg"], [Good]).Problems(), p => p.Contains("index 1 out of range", StringComparison.Ordinal));

    [Fact]
    public void A_query_that_is_also_a_gallery_image_is_reported() =>
        Assert.Contains(new GroundTruthFile(["q.jpg", "b.jpg"], ["q.jpg"], [Good]).Problems(), p => p.Contains("also in imlist", StringComparison.Ordinal));

    [Fact]
    public void A_query_without_positives_is_reported() =>
        Assert.Contains(new GroundTruthFile(["a.jpg"], ["q.jpg"], [new QueryTruth([], [], [0], null)]).Problems(), p => p.Contains("no positive", StringComparison.Ordinal));

    [Fact]
    public void An_image_listed_as_both_easy_and_junk_is_reported() =>
        Assert.NotEmpty(new GroundTruthFile(["a.jpg"], ["q.jpg"], [new QueryTruth([0], [], [0], null)]).Problems());

    [Fact]
    public void The_file_round_trips_through_json_with_the_revisited_oxford_keys()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gnd-{Guid.NewGuid():N}.json");
        try
        {
            var file = new GroundTruthFile(["a.jpg", "b.jpg"], ["q.jpg"], [new QueryTruth([0], [1], [], [1.5, 2, 30, 40])]);
            DatasetJson.Write(path, file);

            var text = File.ReadAllText(path);
            Assert.All(new[] { "\"imlist\"", "\"qimlist\"", "\"gnd\"", "\"easy\"", "\"hard\"", "\"junk\"", "\"bbx\"" }, key => Assert.Contains(key, text));
            var read = DatasetJson.Read<GroundTruthFile>(path);
            Assert.Equal(file.ImList, read.ImList);
            Assert.Equal(file.Gnd[0].Bbx, read.Gnd[0].Bbx);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

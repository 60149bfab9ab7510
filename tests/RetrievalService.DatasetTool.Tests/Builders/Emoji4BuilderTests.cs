using RetrievalService.DatasetTool.Emoji;
using RetrievalService.DatasetTool.Splits;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class Emoji4BuilderTests
{
    private static readonly string[] Vendors = ["apple", "facebook", "google", "twitter"];

    private static readonly string[] Images = [.. Enumerable.Range(0, 40).Select(i => $"1f{600 + i:x3}.png")];

    private static readonly IReadOnlyList<RetrievalService.DatasetTool.Output.SplitPlan> Plans =
        Emoji4Builder.Plan(Images, Vendors, seed: 4, (vendor, image) => $"/nowhere/{vendor}/{image}");

    [Fact]
    public void Each_query_has_the_other_three_vendors_drawings_as_its_only_positives()
    {
        foreach (var truth in Plans.Select(p => p.Truth))
        {
            for (var q = 0; q < truth.QimList.Count; q++)
            {
                var (vendor, image) = (truth.QimList[q].Split('/')[1], truth.QimList[q].Split('/')[2]);
                var expected = Vendors.Where(v => v != vendor).Select(v => $"{v}/{image}");
                Assert.Equal(expected, truth.Gnd[q].Easy.Select(i => truth.ImList[i]));
                Assert.Empty(truth.Gnd[q].Hard);
                Assert.Empty(truth.Gnd[q].Junk);
            }
        }
    }

    [Fact]
    public void The_query_drawing_is_not_in_the_gallery_and_the_gallery_holds_three_drawings_per_instance()
    {
        foreach (var plan in Plans)
        {
            Assert.Equal(3 * plan.Instances, plan.Truth.ImList.Count);
            Assert.Equal(plan.Instances, plan.Truth.QimList.Count);
            Assert.DoesNotContain(plan.Truth.QimList.Select(q => q["queries/".Length..]), plan.Truth.ImList.Contains);
        }
    }

    [Fact]
    public void Every_vendor_queries_about_a_quarter_of_a_split()
    {
        var train = Plans.Single(p => p.Split == SplitNames.Train).Truth;

        var perVendor = train.QimList.CountBy(q => q.Split('/')[1]).ToDictionary();

        Assert.Equal(Vendors, perVendor.Keys.Order(StringComparer.Ordinal));
        Assert.All(perVendor.Values, n => Assert.InRange(n, train.QimList.Count / 4, train.QimList.Count / 4 + 1));
    }

    [Fact]
    public void No_emoji_is_in_two_splits()
    {
        var emojiSplits = Plans.SelectMany(p => p.Truth.ImList.Select(n => (p.Split, Image: n.Split('/')[1]))).Distinct();

        Assert.All(emojiSplits.GroupBy(x => x.Image), g => Assert.Single(g));
        Assert.Equal(Images.Length, emojiSplits.Select(x => x.Image).Distinct().Count());
    }
}

using RetrievalService.DatasetTool.Splits;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class InstanceSplitterTests
{
    private static readonly SplitFraction[] SixtyTwentyTwenty =
        [new(SplitNames.Train, 0.6), new(SplitNames.Val, 0.2), new(SplitNames.Test, 0.2)];

    private static readonly string[] Ids = [.. Enumerable.Range(0, 1000).Select(i => $"instance-{i:0000}")];

    [Fact]
    public void Every_instance_lands_in_exactly_one_split()
    {
        var assignment = InstanceSplitter.Assign(Ids.Concat(Ids.Take(10)), seed: 7, SixtyTwentyTwenty);

        Assert.Equal(Ids.Length, assignment.Count);
        Assert.Equal(Ids.Order(StringComparer.Ordinal), assignment.Select(a => a.Key));
        Assert.All(assignment, a => Assert.Contains(a.Value, SplitNames.All));
    }

    [Fact]
    public void Split_sizes_follow_the_fractions()
    {
        var sizes = InstanceSplitter.Assign(Ids, seed: 7, SixtyTwentyTwenty).CountBy(a => a.Value).ToDictionary();

        Assert.Equal(600, sizes[SplitNames.Train]);
        Assert.Equal(200, sizes[SplitNames.Val]);
        Assert.Equal(200, sizes[SplitNames.Test]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_assignment_whatever_the_input_order()
    {
        var forward = InstanceSplitter.Assign(Ids, seed: 3, SixtyTwentyTwenty);
        var backward = InstanceSplitter.Assign(Ids.Reverse(), seed: 3, SixtyTwentyTwenty);

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void A_different_seed_gives_a_different_assignment() =>
        Assert.NotEqual(
            InstanceSplitter.Assign(Ids, seed: 1, SixtyTwentyTwenty),
            InstanceSplitter.Assign(Ids, seed: 2, SixtyTwentyTwenty));
}

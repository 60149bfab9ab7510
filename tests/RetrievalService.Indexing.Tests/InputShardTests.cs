namespace RetrievalService.Indexing.Tests;

/// <summary>The shard split: by a stable hash of the id alone, disjoint, covering and even.</summary>
public sealed class InputShardTests
{
    private static readonly string[] SyntheticIds = [.. Enumerable.Range(0, 10_000).Select(i => $"photos:{i:D5}.jpg")];

    // Computed outside .NET (Python's hashlib: first 8 bytes of SHA-256, big-endian, mod N), so these pin the documented
    // algorithm: any process, on any machine, in any language, puts these ids in these shards.
    [Theory]
    [InlineData("cats:tabby.jpg", 4, 2)]
    [InlineData("cats:tabby.jpg", 8, 6)]
    [InlineData("cats:tabby.jpg", 1024, 374)]
    [InlineData("eiffel", 1024, 529)]
    [InlineData("louvre, east wing", 1024, 1)]
    [InlineData("Zürich 🚋.jpg", 8, 4)]
    [InlineData("Zürich 🚋.jpg", 1024, 36)]
    public void An_id_falls_in_the_shard_of_its_sha256_whatever_the_process(string id, int count, int expected)
    {
        Assert.Equal(expected, InputShard.Of(id, count));
        Assert.True(new InputShard(expected, count).Contains(id));
    }

    [Fact]
    public void The_shards_of_an_input_are_disjoint_and_cover_it()
    {
        const int count = 8;
        var shards = Enumerable.Range(0, count).Select(i => new InputShard(i, count)).ToList();

        foreach (var id in SyntheticIds)
        {
            Assert.Single(shards, s => s.Contains(id));
        }
    }

    [Fact]
    public void Ten_thousand_ids_split_into_eight_shards_within_fifteen_percent_of_the_mean()
    {
        const int count = 8;
        var sizes = SyntheticIds.CountBy(id => InputShard.Of(id, count)).ToDictionary();

        Assert.Equal(count, sizes.Count);
        var mean = SyntheticIds.Length / (double)count;
        Assert.All(sizes.Values, size => Assert.InRange(size, mean * 0.85, mean * 1.15));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("1023/1024", 1023, 1024)]
    public void A_shard_is_written_i_slash_n(string text, int index, int count)
    {
        Assert.Equal(new InputShard(index, count), InputShard.Parse(text, out var problem));
        Assert.Null(problem);
        Assert.Equal(text, new InputShard(index, count).ToString());
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("0/0")]
    [InlineData("0/1025")]
    [InlineData("1")]
    [InlineData("1/2/3")]
    [InlineData(" 1/2")]
    [InlineData("a/b")]
    [InlineData("1/99999999999999999999")]
    public void Anything_else_is_not_a_shard_and_says_why(string text)
    {
        Assert.Null(InputShard.Parse(text, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}

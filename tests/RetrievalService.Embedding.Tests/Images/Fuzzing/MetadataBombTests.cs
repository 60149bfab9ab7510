using System.Diagnostics;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Fuzzing.Formats;

namespace RetrievalService.Embedding.Tests.Images.Fuzzing;

/// <summary>
/// PNG metadata that is a few hundred KB on the wire and 400 MB once inflated. The pipeline needs only pixels: the
/// image must come out exactly as without the bomb (or be rejected), fast and without the inflated bytes in memory.
/// </summary>
public sealed class MetadataBombTests(SeedCorpusFixture corpus) : IClassFixture<SeedCorpusFixture>
{
    private const long Inflated = 400L << 20;

    // Inflating 400 MB takes well over a second here; skipping the chunk takes a few milliseconds.
    private const double QuickMilliseconds = 500;
    private const long SmallAllocation = 64L << 20;

    private static readonly ImagePipeline Pipeline = new(new ImageDecodeLimits());

    [Theory]
    [InlineData("zTXt", true)]
    [InlineData("zTXt", false)]
    [InlineData("iTXt", true)]
    public void A_png_text_chunk_inflating_to_400_MB_is_skipped_quickly(string type, bool beforeImageData)
    {
        var seed = corpus.Named("chelsea.png-rgb").Bytes;
        var bomb = MetadataBombs.PngTextBomb(seed, Inflated, type, beforeImageData)!.Value.Bytes;

        Assert.InRange(bomb.Length - seed.Length, 300_000, 500_000);
        AssertPreparedLikeTheSeedOrRejected(seed, bomb);
    }

    [Fact]
    public void A_png_icc_profile_inflating_to_400_MB_is_skipped_quickly()
    {
        var seed = corpus.Named("coffee.png-rgba").Bytes;
        var bomb = MetadataBombs.PngIccBomb(seed, Inflated)!.Value.Bytes;

        Assert.InRange(bomb.Length - seed.Length, 300_000, 500_000);
        AssertPreparedLikeTheSeedOrRejected(seed, bomb);
    }

    private static void AssertPreparedLikeTheSeedOrRejected(byte[] seed, byte[] bomb)
    {
        using var expected = Pipeline.Prepare(seed, new InputConvention());
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            using var prepared = Pipeline.Prepare(bomb, new InputConvention());
            clock.Stop();
            Assert.Equal(expected.Tensor.Pixels.ToArray(), prepared.Tensor.Pixels.ToArray());
        }
        catch (ImageRejectedException)
        {
            clock.Stop();
        }
        Assert.True(clock.Elapsed.TotalMilliseconds < QuickMilliseconds, $"The bomb took {clock.Elapsed.TotalMilliseconds:F0} ms.");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < SmallAllocation, $"The bomb allocated {allocated / 1048576.0:F0} MiB.");
    }
}

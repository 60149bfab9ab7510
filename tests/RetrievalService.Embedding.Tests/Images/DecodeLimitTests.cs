using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class DecodeLimitTests
{
    private static ImageRejectionReason RejectionOf(ImageDecodeLimits limits, byte[] bytes) =>
        TestImages.Rejection(bytes, new ImagePipeline(limits)).Reason;

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(10, 20, 30, 255));
        return TestImages.Encode(image, "png");
    }

    [Fact]
    public void Empty_input_is_rejected_as_empty() =>
        Assert.Equal(ImageRejectionReason.Empty, RejectionOf(new ImageDecodeLimits(), []));

    [Fact]
    public void A_file_over_the_byte_limit_is_rejected_before_it_is_parsed()
    {
        var bytes = Png(16, 16);
        var error = TestImages.Rejection(bytes, new ImagePipeline(new ImageDecodeLimits { MaxBytes = bytes.Length - 1 }));
        Assert.Equal(ImageRejectionReason.TooManyBytes, error.Reason);
        Assert.Contains($"limit is {bytes.Length - 1} bytes", error.Message);
    }

    [Fact]
    public void An_image_wider_than_the_limit_is_rejected() =>
        Assert.Equal(ImageRejectionReason.TooWide, RejectionOf(new ImageDecodeLimits { MaxWidth = 20 }, Png(21, 5)));

    [Fact]
    public void An_image_taller_than_the_limit_is_rejected() =>
        Assert.Equal(ImageRejectionReason.TooTall, RejectionOf(new ImageDecodeLimits { MaxHeight = 20 }, Png(5, 21)));

    [Fact]
    public void An_image_with_more_pixels_than_the_limit_is_rejected_although_each_side_fits() =>
        Assert.Equal(ImageRejectionReason.TooManyPixels, RejectionOf(new ImageDecodeLimits { MaxPixels = 399 }, Png(20, 20)));

    [Fact]
    public void An_image_exactly_at_every_limit_is_accepted()
    {
        var bytes = Png(20, 20);
        var pipeline = new ImagePipeline(new ImageDecodeLimits { MaxBytes = bytes.Length, MaxWidth = 20, MaxHeight = 20, MaxPixels = 400 });
        using var decoded = TestImages.Decode(bytes, pipeline);
        Assert.Equal(new PixelSize(20, 20), decoded.Size);
    }

    [Fact]
    public void A_header_only_png_claiming_huge_dimensions_is_rejected_without_allocating_pixels()
    {
        var bytes = PngFiles.HeaderOnly(width: 60_000, height: 60_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = TestImages.Rejection(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(ImageRejectionReason.TooWide, error.Reason);
        // 60000² RGBA would be 14 GB; identification should stay within a few small buffers.
        Assert.True(allocated < 2_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Limits_that_are_not_positive_are_refused_with_every_offending_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImagePipeline(new ImageDecodeLimits { MaxBytes = 0, MaxPixels = -1 }));
        Assert.Contains("MaxBytes=0", error.Message);
        Assert.Contains("MaxPixels=-1", error.Message);
    }

    [Fact]
    public void A_png_declaring_more_pixels_than_may_be_decoded_is_refused_before_any_pixel_is_allocated()
    {
        // 5000 × 4000 = 20 MP fits every side limit but not the 16 MP raster limit; PNG cannot be decoded reduced.
        var bytes = PngFiles.HeaderOnly(width: 5000, height: 4000);
        var error = TestImages.Rejection(bytes);
        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
        Assert.Contains("16000000", error.Message);
    }

    [Fact]
    public void A_cancelled_request_stops_before_decoding()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            TestImages.Pipeline.Prepare(Png(64, 64), new InputConvention(), cancelled.Token).Dispose());
    }
}

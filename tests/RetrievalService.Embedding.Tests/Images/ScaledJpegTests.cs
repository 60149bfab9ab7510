using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using SkiaSharp;

namespace RetrievalService.Embedding.Tests.Images;

/// <summary>Phone-sized JPEGs are decoded at a reduced DCT scale; the limits apply to what is really decoded.</summary>
public sealed class ScaledJpegTests
{
    private static readonly InputConvention Input = new();

    [Theory]
    [InlineData(4032, 3024, 504, 378)]   // 12 MP phone photo: 1/8
    [InlineData(1600, 1200, 800, 600)]   // 2 MP: 1/4 would be 400 < 2 × 224, so 1/2
    [InlineData(640, 480, 640, 480)]     // small: decoded whole
    public void A_baseline_jpeg_is_decoded_at_the_smallest_scale_that_covers_twice_the_model_side(int width, int height, int decodedWidth, int decodedHeight)
    {
        using var prepared = TestImages.Pipeline.Prepare(Jpeg(width, height), Input);
        Assert.Equal(new PixelSize(width, height), prepared.SourceSize);
        Assert.Equal(new PixelSize(decodedWidth, decodedHeight), prepared.DecodedSize);
        Assert.Equal((224, 168), (prepared.Tensor.Width, prepared.Tensor.Height));
    }

    [Fact]
    public void A_48_megapixel_jpeg_is_accepted_at_the_memory_of_its_reduced_raster()
    {
        using var prepared = TestImages.Pipeline.Prepare(Jpeg(8000, 6000), Input);
        Assert.Equal(new PixelSize(1000, 750), prepared.DecodedSize);
        Assert.True(prepared.DecodedSize.Width * prepared.DecodedSize.Height <= new ImageDecodeLimits().MaxPixels);
    }

    [Fact]
    public void The_reduced_decode_keeps_the_picture_the_whole_decode_gives()
    {
        // The same 2016 × 1512 photo-like JPEG, once at 1/4 scale and once whole: the tensors must agree closely.
        var bytes = Jpeg(2016, 1512);
        using var reduced = TestImages.Pipeline.Prepare(bytes, Input);
        using var whole = TestImages.Pipeline.Decode(bytes, TestImages.White);
        using var reference = ImagePipeline.ToTensor(whole, Input.RecommendedLongerSide, Input.MinSide);
        Assert.Equal(new PixelSize(504, 378), reduced.DecodedSize);
        var a = reduced.Tensor.Pixels.Span;
        var b = reference.Pixels.Span;
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }
        Assert.True(sum / a.Length < 3.0, $"mean absolute difference {sum / a.Length:F2} levels");
    }

    [Fact]
    public void A_query_box_is_mapped_onto_the_reduced_raster()
    {
        // Left half red, right half blue; a box on the right half must come out blue.
        var bytes = Jpeg(4000, 3000, halves: true);
        using var prepared = TestImages.Pipeline.Prepare(bytes, Input, [224], size => new PixelRect(size.Width / 2 + 200, 0, size.Width / 2 - 200, size.Height));
        var plane = prepared.Tensor.Width * prepared.Tensor.Height;
        var pixels = prepared.Tensor.Pixels.Span;
        Assert.True(pixels[..plane].ToArray().Average() < 30, "red channel should be near 0");
        Assert.True(pixels[(2 * plane)..].ToArray().Average() > 220, "blue channel should be near 255");
    }

    [Fact]
    public void A_jpeg_cut_just_before_its_end_marker_is_rejected_as_truncated()
    {
        // libjpeg-turbo cannot finish the last row of blocks without the marker, so this cannot be told from a cut inside it.
        var bytes = Jpeg(640, 480);
        Assert.Equal([0xFF, 0xD9], bytes[^2..]);
        var error = TestImages.Rejection(bytes.AsMemory(0, bytes.Length - 2));
        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
        Assert.Contains("end-of-image marker", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_jpeg_with_4_kb_of_noise_in_its_data_is_rejected_as_corrupt(int seed)
    {
        var bytes = Jpeg(1024, 768);
        var random = new Random(seed);
        var offset = random.Next(bytes.Length / 4, bytes.Length / 2);
        random.NextBytes(bytes.AsSpan(offset, 4096));
        Assert.Equal(ImageRejectionReason.Corrupt, TestImages.Rejection(bytes).Reason);
    }

    [Fact]
    public void A_jpeg_declaring_more_than_the_scaled_source_limit_is_refused_from_its_header()
    {
        var pipeline = new ImagePipeline(new ImageDecodeLimits { MaxScaledSourcePixels = 1_000_000 });
        var error = TestImages.Rejection(Jpeg(1600, 1200), pipeline);
        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
    }

    /// <summary>A baseline JPEG (Skia's encoder, as on Android) of a smooth photo-like pattern.</summary>
    internal static byte[] Jpeg(int width, int height, bool halves = false)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            if (halves)
            {
                canvas.Clear(SKColors.Red);
                paint.Color = SKColors.Blue;
                canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
            }
            else
            {
                paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                    [new SKColor(230, 80, 30), new SKColor(20, 160, 90), new SKColor(40, 60, 220)], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, width, height, paint);
                paint.Shader = null;
                paint.Color = new SKColor(250, 250, 250);
                canvas.DrawCircle(width * 0.3f, height * 0.4f, height * 0.2f, paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}

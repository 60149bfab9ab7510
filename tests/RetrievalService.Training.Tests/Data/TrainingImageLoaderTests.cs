using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Training.Data;
using SkiaSharp;

namespace RetrievalService.Training.Tests.Data;

/// <summary>The trainer sees an unperturbed image exactly as the evaluator's cache and the service prepare it.</summary>
public sealed class TrainingImageLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loader-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // A baseline JPEG more than twice the side is decoded reduced by the service; the loader must do the same.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unaugmented_view_of_a_large_baseline_jpeg_is_the_pipelines_tensor(bool withBox)
    {
        var path = Path.Combine(folder, "photo.jpg");
        File.WriteAllBytes(path, Jpeg(1024, 768));
        var box = withBox ? new BoundingBox(100, 50, 900, 700) : null;
        var job = new ImageJob(path, box);
        var input = new InputConvention { MinSide = 32, RecommendedLongerSide = 64, Preprocessing = ImagePipeline.Identity };

        using var loaded = new TrainingImageLoader(64, 32, [255, 255, 255]).Prepare(job);
        using var served = ScaledTensors.Prepare(new ImagePipeline(new ImageDecodeLimits()), job, ExtractionSettings.SingleScale(64), input);

        Assert.True(served.DecodedSize.Width < 1024, "the fixture must be large enough to be decoded reduced");
        Assert.Equal((served.Tensor.Width, served.Tensor.Height), (loaded.Width, loaded.Height));
        Assert.Equal(served.Tensor.Pixels.ToArray(), loaded.Pixels.ToArray());
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(230, 80, 30), new SKColor(20, 160, 90), new SKColor(40, 60, 220)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
            paint.Shader = null;
            paint.Color = SKColors.White;
            canvas.DrawCircle(width * 0.3f, height * 0.4f, height * 0.2f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}

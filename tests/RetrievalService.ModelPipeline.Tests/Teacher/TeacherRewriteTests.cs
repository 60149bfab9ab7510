using RetrievalService.ModelPipeline.Onnx;
using RetrievalService.ModelPipeline.Teacher;
using Google.Protobuf;

namespace RetrievalService.ModelPipeline.Tests.Teacher;

public sealed class TeacherRewriteTests
{
    private static readonly Lazy<byte[]> Source = new(() => File.ReadAllBytes(ResNet18Source.Locate(restoredBy: typeof(TeacherRewriteTests).Assembly)));

    private static byte[] BuildTeacher(float gemP, bool exposePooled) =>
        ResNet18TeacherBuilder.Build(global::Onnx.ModelProto.Parser.ParseFrom(Source.Value), gemP, exposePooled).ToByteArray();

    [Fact]
    public void Teacher_with_gem_p_1_reproduces_the_original_average_pooled_features()
    {
        var teacher = BuildTeacher(gemP: 1f, exposePooled: true);
        var images = new[] { SyntheticImages.Nchw(1, 224, 224), SyntheticImages.Nchw(2, 224, 224) };

        var rewritten = OrtRunner.Run(teacher, ModelIo.Input, SyntheticImages.Batch(images), [2, 3, 224, 224])["pooled"];

        var worst = 0f;
        for (var i = 0; i < images.Length; i++)
        {
            var original = OrtRunner.Run(Source.Value, ResNet18TeacherBuilder.SourceInput, ToOriginalConvention(images[i]), [1, 3, 224, 224]);
            var expected = original[ResNet18TeacherBuilder.SourceOutput].Values;
            Assert.Equal(512, expected.Length);
            for (var d = 0; d < 512; d++)
            {
                worst = Math.Max(worst, Math.Abs(expected[d] - rewritten.Values[i * 512 + d]));
            }
        }
        Assert.True(worst <= 1e-4f, $"max abs diff {worst}");
    }

    [Theory]
    [InlineData(1, 224, 224)]
    [InlineData(3, 160, 96)]
    [InlineData(2, 64, 64)]
    [InlineData(1, 333, 517)]
    public void Teacher_accepts_any_batch_and_size_and_returns_unit_vectors(int batch, int height, int width)
    {
        var teacher = BuildTeacher(gemP: 3f, exposePooled: false);
        var input = SyntheticImages.Batch(Enumerable.Range(0, batch).Select(i => SyntheticImages.Nchw(i, height, width)).ToArray());

        var (values, shape) = OrtRunner.Run(teacher, ModelIo.Input, input, [batch, 3, height, width])[ModelIo.Output];

        Assert.Equal([batch, 512], shape);
        for (var i = 0; i < batch; i++)
        {
            var norm = Math.Sqrt(values.Skip(i * 512).Take(512).Sum(v => (double)v * v));
            Assert.InRange(norm, 1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void Gem_p_3_gives_different_features_than_average_pooling()
    {
        // Guards against the p initializer being ignored: p=3 must move the vector away from p=1's.
        var image = SyntheticImages.Nchw(7, 224, 224);
        var p1 = OrtRunner.Run(BuildTeacher(1f, false), ModelIo.Input, image, [1, 3, 224, 224])[ModelIo.Output].Values;
        var p3 = OrtRunner.Run(BuildTeacher(3f, false), ModelIo.Input, image, [1, 3, 224, 224])[ModelIo.Output].Values;

        var cosine = p1.Zip(p3).Sum(pair => (double)pair.First * pair.Second);
        Assert.InRange(cosine, 0.5, 0.995);
    }

    /// <summary>The source network wants BGR with the channel means subtracted (docs/sources.md#teacher-imagenet-resnet-18-from-nuget).</summary>
    private static float[] ToOriginalConvention(float[] rgb)
    {
        var plane = rgb.Length / 3;
        var bgr = new float[rgb.Length];
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < plane; i++)
            {
                bgr[c * plane + i] = rgb[(2 - c) * plane + i] - ResNet18TeacherBuilder.MeanBgr[c];
            }
        }
        return bgr;
    }
}

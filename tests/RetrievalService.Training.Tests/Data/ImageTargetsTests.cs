using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Running;
using RetrievalService.Training.Data;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Data;

/// <summary>
/// The two targets of the image losses, with the real teacher on the tiny dataset at 64 px: the cached vector of
/// the whole image, and the teacher run on the student's own view (<c>--target same-view</c>).
/// </summary>
public sealed class ImageTargetsTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly OnnxEmbedder teacher;
    private readonly TrainingSplit split;
    private readonly TrainingImageLoader loader = new(64, 64, [255, 255, 255]);

    public ImageTargetsTests()
    {
        TinyTrainingDataset.Write(folder.Path);
        split = TrainingSplits.Open(folder.Path).Train;
        teacher = OnnxEmbedder.Load(RepoPaths.RequireModel("teacher-resnet18-gem.manifest.json"), new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1 });
    }

    [Fact]
    public async Task Without_augmentation_the_same_view_target_is_the_cached_vector_of_the_whole_image()
    {
        // Proves the trainer's view path prepares pixels exactly as the cache (the evaluator's pipeline) does,
        // queries cropped to their boxes included.
        var cached = new CachedImageTargets(await LoadCachedAsync());
        var sameView = new SameViewImageTargets(teacher);

        foreach (var image in new[] { SplitImage.Query(0), SplitImage.Query(3), SplitImage.Gallery(1), SplitImage.Gallery(7) })
        {
            using var view = loader.Prepare(split.Job(image));
            var expected = cached.For(image, view).ToArray();
            var actual = sameView.For(image, view).ToArray();
            Assert.True(MaxAbsDiff(expected, actual) <= 1e-5, $"{image}: max abs diff {MaxAbsDiff(expected, actual):E2}");
        }
    }

    [Fact]
    public async Task With_augmentation_the_same_view_target_follows_the_view_and_the_cached_one_does_not()
    {
        var cached = new CachedImageTargets(await LoadCachedAsync());
        var sameView = new SameViewImageTargets(teacher);
        var image = SplitImage.Gallery(4);
        using var whole = loader.Prepare(split.Job(image));
        using var view = loader.Prepare(split.Job(image), Augmentation.Strong, new Random(3));
        using var sameDraw = loader.Prepare(split.Job(image), Augmentation.Strong, new Random(3));

        var target = sameView.For(image, view).ToArray();

        Assert.Equal(teacher.Embed(sameDraw), target);
        Assert.Equal(cached.For(image, whole).ToArray(), cached.For(image, view).ToArray());
        var cosine = Dot(target, cached.For(image, whole).ToArray());
        Assert.True(cosine < 0.999, $"the augmented view's teacher vector should differ from the whole image's (cosine {cosine:F4})");
    }

    [Fact]
    public void With_mixup_the_same_view_target_is_the_teachers_vector_of_the_blend_at_the_first_images_size()
    {
        var sameView = new SameViewImageTargets(teacher);
        var image = SplitImage.Query(2);
        var partner = new MixPartner(split.Job(SplitImage.Gallery(9)), 0.5f);
        using var plain = loader.Prepare(split.Job(image), Augmentation.Strong, new Random(3));
        using var blend = loader.Prepare(split.Job(image), Augmentation.Strong, new Random(3), partner);
        using var sameBlend = loader.Prepare(split.Job(image), Augmentation.Strong, new Random(3), partner);
        using var invisible = loader.Prepare(split.Job(image), Augmentation.Strong, new Random(3), partner with { Weight = 0f });

        var target = sameView.For(image, blend).ToArray();

        Assert.Equal((plain.Width, plain.Height), (blend.Width, blend.Height));
        Assert.Equal(teacher.Embed(sameBlend), target);
        // A partner of weight 0 leaves the first image's pixels as they were.
        Assert.True(MaxAbsDiff(plain.Pixels.ToArray(), invisible.Pixels.ToArray()) <= 1, "a zero-weight partner changed the view");
        var cosine = Dot(target, teacher.Embed(plain));
        Assert.True(cosine < 0.999, $"the blend's teacher vector should differ from the plain view's (cosine {cosine:F4})");
    }

    [Fact]
    public void An_unreadable_partner_is_named_in_the_error()
    {
        var missing = Path.Combine(folder.Path, "no-such-partner.jpg");

        var error = Assert.Throws<ImageEmbeddingException>(() =>
            loader.Prepare(split.Job(SplitImage.Gallery(0)), Augmentation.Strong, new Random(1), new MixPartner(new ImageJob(missing, null), 0.5f)));

        Assert.Contains("no-such-partner.jpg", error.Message, StringComparison.Ordinal);
    }

    private Task<SplitVectors> LoadCachedAsync() =>
        TeacherVectors.LoadAsync(teacher, split, 64, withQueries: true, cacheDirectory: null, SilentObserver.Instance, CancellationToken.None);

    private static double MaxAbsDiff(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    public void Dispose()
    {
        teacher.Dispose();
        folder.Dispose();
    }
}

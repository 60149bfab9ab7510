using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelPipeline.Tests.Models;

/// <summary>
/// Asymmetric compatibility on photos no fit has seen (the held-out Debian packages, whole images):
/// the student's query vector must find the teacher's gallery vector of the same photo.
/// </summary>
public sealed class StudentTeacherCompatibilityTests(HeldOutPhotoEmbeddings photos) : IClassFixture<HeldOutPhotoEmbeddings>
{
    [Fact]
    public void Linear_student_finds_the_teacher_vector_of_the_same_held_out_photo()
    {
        var manifest = LoadManifest(StudentManifests.LinearId);
        var metrics = MeasureOnHeldOutPhotos(StudentManifests.LinearId);

        // Measured when the adapter was fitted (47 photos): pairwise win rate 0.963, top-1 0.553 (chance 0.021),
        // mean cosine 0.734. Thresholds sit a little under that, leaving room for float differences between
        // machines (one photo = 2 % of top-1) but not for a broken model or preprocessing.
        Assert.True(metrics.PairwiseWinRate >= 0.93, $"pairwise win rate {metrics.PairwiseWinRate:P1} over {metrics.Count} photos");
        Assert.True(metrics.Top1 >= 0.45, $"top-1 {metrics.Top1:P1} over {metrics.Count} photos");
        Assert.True(metrics.MeanCosine >= 0.70, $"mean cosine {metrics.MeanCosine:F4}");
        // The same photos and code must reproduce the numbers the manifest claims.
        Assert.Equal(manifest.Provenance.Metrics!["heldOutWholeImagesMeanCosine"], metrics.MeanCosine, 0.002);
        Assert.Equal(manifest.Provenance.Metrics!["heldOutWholeImagesTop1"], metrics.Top1, 0.05);
    }

    [Fact]
    public void Trained_default_student_finds_the_teacher_vector_of_the_same_held_out_photo()
    {
        var metrics = MeasureOnHeldOutPhotos(StudentManifests.TrainedDefaultId);

        // Measured on these 47 photos when it became the default (2026-11-29; the photoviews-plus recipe continued on
        // photoviews-wide and then photoviews-scenes, selected on gcompris-views; `model-tool held-out`): pairwise win
        // rate 0.998, top-1 0.957, top-5 1.000, mean cosine 0.836. The linear student scores 0.963 / 0.553 / 0.872 /
        // 0.734, the previous default 0.998 / 0.957 / 1.000 / 0.831; on views and crops the trained one wins by far
        // (photoviews test, asymmetric Medium mAP 70.1 against 24.7).
        // The thresholds sit a few photos under the measurement.
        Assert.True(metrics.PairwiseWinRate >= 0.98, $"pairwise win rate {metrics.PairwiseWinRate:P1} over {metrics.Count} photos");
        Assert.True(metrics.Top1 >= 0.85, $"top-1 {metrics.Top1:P1} over {metrics.Count} photos");
        Assert.True(metrics.MeanCosine >= 0.80, $"mean cosine {metrics.MeanCosine:F4}");
    }

    [Fact]
    public void Int8_default_student_stays_compatible_and_close_to_its_float_original()
    {
        var quantized = MeasureOnHeldOutPhotos(StudentManifests.QuantizedDefaultId);
        var original = MeasureOnHeldOutPhotos(StudentManifests.TrainedDefaultId);
        var agreement = photos.Vectors[StudentManifests.QuantizedDefaultId]
            .Zip(photos.Vectors[StudentManifests.TrainedDefaultId], (a, b) => (double)System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b))
            .ToList();

        // Calibrated on photoviews' train split, never on these photos. Measured (47 photos): cosine to the float vectors
        // 0.9981 mean, 0.9967 minimum; win rate 0.997 and top-1 0.936, the float model's own.
        Assert.True(agreement.Min() >= 0.97, $"int8 vs float cosine: min {agreement.Min():F4}, mean {agreement.Average():F4}");
        Assert.True(quantized.PairwiseWinRate >= original.PairwiseWinRate - 0.01, $"pairwise win rate {quantized.PairwiseWinRate:P1} (float {original.PairwiseWinRate:P1})");
        Assert.True(quantized.Top1 >= original.Top1 - 0.05, $"top-1 {quantized.Top1:P1} (float {original.Top1:P1})");
    }

    [Fact]
    public void Default_query_model_the_int8_teacher_lands_on_the_teachers_vector_of_each_held_out_photo()
    {
        var metrics = MeasureOnHeldOutPhotos(TeacherManifest.QuantizedId);
        var cosines = photos.Vectors[TeacherManifest.QuantizedId]
            .Zip(photos.Vectors[TeacherManifest.Id], (a, b) => (double)System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b))
            .ToList();

        // Measured (47 photos, `model-tool held-out`, 2026-12-07): mean cosine 0.997, top-1 1.000. The target for
        // the default query model is a mean cosine of 0.93 on unseen real photos (stretch 0.96); the MobileNetV2 student
        // reaches 0.84 here. The thresholds leave room for float differences between machines, not for a broken model.
        Assert.True(metrics.MeanCosine >= 0.99, $"mean cosine {metrics.MeanCosine:F4}");
        Assert.True(cosines.Min() >= 0.97, $"min cosine {cosines.Min():F4}");
        Assert.Equal(1.0, metrics.Top1);
    }

    [Fact]
    public void Untrained_student_is_not_compatible_which_shows_the_measure_discriminates()
    {
        var metrics = MeasureOnHeldOutPhotos(StudentManifests.ConvHeadInitId);

        Assert.True(metrics.Top1 <= 0.2, $"an untrained head reached top-1 {metrics.Top1:P1}");
        Assert.True(metrics.PairwiseWinRate <= 0.75, $"an untrained head reached pairwise win rate {metrics.PairwiseWinRate:P1}");
    }

    private CompatibilityMetrics MeasureOnHeldOutPhotos(string studentId)
    {
        Assert.True(photos.PhotoCount >= 40, $"only {photos.PhotoCount} held-out photos");
        return CompatibilityMetrics.Measure(photos.Vectors[studentId], photos.Vectors[TeacherManifest.Id]);
    }

    private static ModelManifest LoadManifest(string id) => ModelManifestJson.Load(HeldOutPhotoEmbeddings.ManifestPath(id));
}

using RetrievalService.Embedding.Inference;
using RetrievalService.ModelPipeline.Photos;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelPipeline.Tests.Models;

public sealed class HeldOutPhotoVectorsTests(HeldOutPhotoEmbeddings photos) : IClassFixture<HeldOutPhotoEmbeddings>
{
    [Fact]
    public void Every_model_gets_one_unit_vector_per_held_out_photo_in_the_same_order()
    {
        Assert.True(photos.PhotoCount >= 40, $"only {photos.PhotoCount} held-out photos");
        foreach (var (id, vectors) in photos.Vectors)
        {
            Assert.Equal(photos.PhotoCount, vectors.Count);
            Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3));
        }
    }

    [Fact]
    public void The_same_model_twice_is_refused_because_its_rows_could_not_be_told_apart()
    {
        var teacher = HeldOutPhotoEmbeddings.ManifestPath(TeacherManifest.Id);

        var error = Assert.Throws<ArgumentException>(() =>
            HeldOutPhotoVectors.Embed([teacher, teacher], Path.Combine(RepoPaths.Data, "sources", "debs"), new InferenceOptions { IntraOpThreads = 1 }));

        Assert.Contains(TeacherManifest.Id, error.Message, StringComparison.Ordinal);
    }
}

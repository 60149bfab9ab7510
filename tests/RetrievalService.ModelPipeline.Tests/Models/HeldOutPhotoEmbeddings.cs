using RetrievalService.Embedding.Inference;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Photos;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;

namespace RetrievalService.ModelPipeline.Tests.Models;

/// <summary>The held-out Debian photos embedded by the teacher and every shipped query model, once for all the compatibility tests.</summary>
public sealed class HeldOutPhotoEmbeddings
{
    private static readonly string[] ModelIds =
        [TeacherManifest.Id, StudentManifests.LinearId, StudentManifests.ConvHeadInitId, StudentManifests.TrainedDefaultId, StudentManifests.QuantizedDefaultId,
            TeacherManifest.QuantizedId];

    public HeldOutPhotoEmbeddings()
    {
        var embedded = HeldOutPhotoVectors.Embed(ModelIds.Select(ManifestPath).ToList(), Path.Combine(RepoPaths.Data, "sources", "debs"),
            new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1 });
        PhotoCount = embedded.Photos.Count;
        Vectors = embedded.Vectors;
    }

    public int PhotoCount { get; }

    /// <summary>Vectors per model id, row i from the same photo for every model.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<float[]>> Vectors { get; }

    public static string ManifestPath(string id) => RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, id));
}

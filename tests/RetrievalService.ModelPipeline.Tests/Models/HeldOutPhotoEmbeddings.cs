using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.ModelPipeline.Photos;
using RetrievalService.ModelPipeline.Student;
using RetrievalService.ModelPipeline.Teacher;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.ModelPipeline.Tests.Models;

/// <summary>
/// The held-out Debian photos (whole images) embedded by the teacher and every student in one pass, so each
/// multi-megapixel photo is decoded once for all the compatibility tests.
/// </summary>
public sealed class HeldOutPhotoEmbeddings
{
    private static readonly InferenceOptions OneThread = new() { IntraOpThreads = 1, InterOpThreads = 1 };
    private static readonly string[] ModelIds =
        [TeacherManifest.Id, StudentManifests.LinearId, StudentManifests.ConvHeadInitId, StudentManifests.TrainedDefaultId, StudentManifests.QuantizedDefaultId];

    public HeldOutPhotoEmbeddings()
    {
        var embedders = ModelIds.Select(id => OnnxEmbedder.Load(ManifestPath(id), OneThread)).ToArray();
        try
        {
            var photos = PhotoPool.Enumerate(Path.Combine(RepoPaths.Data, "sources", "debs")).Where(p => p.HeldOut).ToList();
            PhotoCount = photos.Count;
            var vectors = ModelIds.ToDictionary(id => id, _ => new List<float[]>());
            foreach (var photo in photos)
            {
                using var decoded = LocalImageDecoder.Instance.Decode(File.ReadAllBytes(photo.Path), new Rgb24(255, 255, 255));
                foreach (var embedder in embedders)
                {
                    using var input = ImagePreprocessor.Preprocess(decoded.Image, embedder.Manifest.Input);
                    vectors[embedder.Manifest.Id].Add(embedder.Embed(input));
                }
            }
            Vectors = vectors.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<float[]>)pair.Value);
        }
        finally
        {
            foreach (var embedder in embedders)
            {
                embedder.Dispose();
            }
        }
    }

    public int PhotoCount { get; }

    /// <summary>Vectors per model id, row i from the same photo for every model.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<float[]>> Vectors { get; }

    public static string ManifestPath(string id) => RepoPaths.RequireFile(ModelArtifactWriter.ManifestPath(RepoPaths.Models, id));
}

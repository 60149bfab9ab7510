using RetrievalService.DataSources.Photos;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.ModelPipeline.Photos;

/// <summary>
/// The held-out Debian photos (<see cref="PhotoPool.HeldOutPackages"/>, whole images) embedded by several models in
/// one pass, each multi-megapixel photo decoded once for all of them. Row i of every model's list comes from the same
/// photo, which is what <see cref="Adapter.CompatibilityMetrics"/> pairs up.
/// </summary>
public sealed class HeldOutPhotoVectors
{
    private HeldOutPhotoVectors(IReadOnlyList<string> modelIds, IReadOnlyList<string> photos, IReadOnlyDictionary<string, IReadOnlyList<float[]>> vectors) =>
        (ModelIds, Photos, Vectors) = (modelIds, photos, vectors);

    /// <summary>Ids of the models, in the order their manifests were given.</summary>
    public IReadOnlyList<string> ModelIds { get; }

    /// <summary>Pool keys (<c>package/path</c>) of the photos, in row order.</summary>
    public IReadOnlyList<string> Photos { get; }

    /// <summary>Vectors per model id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<float[]>> Vectors { get; }

    /// <summary>Embeds every held-out photo under <paramref name="debsDir"/> with each model of <paramref name="manifestPaths"/>.</summary>
    /// <exception cref="ArgumentException">Two manifests share an id, so their rows could not be told apart.</exception>
    public static HeldOutPhotoVectors Embed(IReadOnlyList<string> manifestPaths, string debsDir, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifestPaths);
        var embedders = new List<OnnxEmbedder>();
        try
        {
            foreach (var path in manifestPaths)
            {
                embedders.Add(OnnxEmbedder.Load(path, options));
            }
            var duplicate = embedders.GroupBy(e => e.Manifest.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ArgumentException($"Two manifests have the id '{duplicate.Key}'.");
            }
            var photos = PhotoPool.Enumerate(debsDir).Where(p => p.HeldOut).ToList();
            var vectors = embedders.ToDictionary(e => e.Manifest.Id, _ => new List<float[]>());
            foreach (var photo in photos)
            {
                var bytes = File.ReadAllBytes(photo.Path);
                foreach (var embedder in embedders)
                {
                    using var input = LocalImagePipeline.Instance.Prepare(bytes, embedder.Manifest.Input);
                    vectors[embedder.Manifest.Id].Add(embedder.Embed(input.Tensor));
                }
            }
            return new HeldOutPhotoVectors(
                embedders.Select(e => e.Manifest.Id).ToList(),
                photos.Select(p => p.Key).ToList(),
                vectors.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<float[]>)pair.Value));
        }
        finally
        {
            foreach (var embedder in embedders)
            {
                embedder.Dispose();
            }
        }
    }
}

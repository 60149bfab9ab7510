using System.Text.RegularExpressions;
using RetrievalService.Embedding.Images;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Running;

namespace RetrievalService.ScaleBench;

/// <summary>
/// Teacher vectors of real photographs: every gallery image and every query (cropped to its box) of the given datasets,
/// embedded as the evaluator embeds them, through its cache, so a checkout that has evaluated the sets embeds nothing.
/// </summary>
internal sealed partial class RealVectors
{
    public required IReadOnlyList<string> GalleryIds { get; init; }

    public required IReadOnlyList<float[]> Gallery { get; init; }

    public required IReadOnlyList<float[]> Queries { get; init; }

    public static async Task<RealVectors> EmbedAsync(string teacherManifest, IReadOnlyList<string> datasetFolders, string cacheDirectory)
    {
        using var models = new ModelLibrary();
        var teacher = models.Get(teacherManifest, intraOpThreads: Environment.ProcessorCount);
        var store = new EmbeddingStore(new EmbeddingCache(cacheDirectory), new ImagePipeline(ImageDecodeLimits.LocalFiles),
            new PipelineOptions(DecodeWorkers: 1), SilentObserver.Instance);
        var settings = ExtractionSettings.SingleScale(teacher.Manifest.Input.RecommendedLongerSide);
        var ids = new List<string>();
        var gallery = new List<float[]>();
        var queries = new List<float[]>();
        foreach (var folder in datasetFolders)
        {
            var dataset = DatasetReader.Read(folder);
            Progress.Say($"teacher vectors of {dataset.Name}: {dataset.Images.Count} gallery images, {dataset.Queries.Count} queries");
            var images = await store.GetAsync(teacher, dataset, "gallery", ImageJob.Gallery(dataset), settings, CancellationToken.None);
            var crops = await store.GetAsync(teacher, dataset, "queries", ImageJob.Queries(dataset), settings, CancellationToken.None);
            var prefix = IdPart(dataset.Name);
            for (var i = 0; i < dataset.Images.Count; i++)
            {
                ids.Add($"{prefix}-{IdPart(dataset.Images[i])}");
                gallery.Add(Unit(images.Vectors.Row(i)));
            }
            for (var q = 0; q < dataset.Queries.Count; q++)
            {
                queries.Add(Unit(crops.Vectors.Row(q)));
            }
        }
        return new RealVectors { GalleryIds = ids, Gallery = gallery, Queries = queries };
    }

    // Gallery ids are one URL path segment: the dataset's relative path with its separators replaced.
    private static string IdPart(string text) => Separators().Replace(text, "_");

    // The exact reference ranks by inner product, which is the store's cosine only on unit vectors.
    private static float[] Unit(ReadOnlySpan<float> row)
    {
        var vector = row.ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }
        return vector;
    }

    [GeneratedRegex(@"[/\\\s]+")]
    private static partial Regex Separators();
}

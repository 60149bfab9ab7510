using RetrievalService.DataSources.Photos;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.ModelPipeline.Photos;

namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>Embeds views of pool photos with the student's feature model and the teacher, side by side.</summary>
public sealed class PairedEmbedder(OnnxEmbedder studentFeatures, OnnxEmbedder teacher, int maxDegreeOfParallelism)
{
    private readonly System.Collections.Concurrent.ConcurrentBag<(string Key, string Reason)> skipped = [];

    /// <summary>Photos that could not be decoded, with the decoder's reason; they contribute no samples.</summary>
    public IReadOnlyList<(string Key, string Reason)> Skipped => skipped.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

    /// <summary>Embeds <paramref name="viewsPerPhoto"/> views of each photo; the result is ordered by photo then view.</summary>
    public IReadOnlyList<PairedSample> Embed(IReadOnlyList<PoolPhoto> photos, Func<PoolPhoto, int> viewsPerPhoto, IProgress<int>? progress = null)
    {
        var results = new PairedSample[photos.Count][];
        var done = 0;
        Parallel.For(0, photos.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            results[i] = EmbedPhoto(photos[i], viewsPerPhoto(photos[i]));
            progress?.Report(Interlocked.Increment(ref done));
        });
        return results.SelectMany(r => r).ToList();
    }

    private PairedSample[] EmbedPhoto(PoolPhoto photo, int viewCount)
    {
        RgbRaster image;
        try
        {
            image = LocalImagePipeline.Instance.Decode(File.ReadAllBytes(photo.Path), AlphaCompositor.Background(teacher.Manifest.Input.AlphaBackground));
        }
        catch (ImageRejectedException e)
        {
            // A pool file the pipeline cannot read is reported and left out; it must not end a long fit.
            skipped.Add((photo.Key, e.Message));
            return [];
        }
        using (image)
        {
            var views = PhotoViews.Create(photo.Key, image.Width, image.Height, viewCount);
            var samples = new PairedSample[views.Count];
            for (var v = 0; v < views.Count; v++)
            {
                using var studentInput = ImagePipeline.ToTensor(image, views[v], studentFeatures.Manifest.Input.RecommendedLongerSide, studentFeatures.Manifest.Input.MinSide);
                using var teacherInput = ImagePipeline.ToTensor(image, views[v], teacher.Manifest.Input.RecommendedLongerSide, teacher.Manifest.Input.MinSide);
                samples[v] = new PairedSample(photo.Key, v, studentFeatures.Embed(studentInput), teacher.Embed(teacherInput));
            }
            return samples;
        }
    }
}

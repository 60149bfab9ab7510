using System.Diagnostics;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Evaluation.Running;

/// <summary>Measures a query model's run time per image on this machine, on the dataset's own (cropped) queries.</summary>
public static class QueryCostMeter
{
    /// <summary>
    /// Prepares up to <paramref name="maxQueries"/> queries at <paramref name="longerSide"/>, runs the model once to warm
    /// up, then times one run per query. Decoding and resizing are not timed: they are the same for every model.
    /// </summary>
    /// <returns>Mean milliseconds per image and the tensor sizes (width, height) that were run.</returns>
    public static (double MillisecondsPerImage, IReadOnlyList<Size> Sizes) Measure(OnnxEmbedder model, RetrievalDataset dataset,
        int longerSide, int maxQueries = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        var decoder = new ImageDecoder(new ImageDecodeLimits());
        var background = AlphaCompositor.Background(model.Manifest.Input.AlphaBackground);
        var tensors = ImageJob.Queries(dataset).Take(maxQueries).Select(job =>
        {
            using var decoded = decoder.Decode(File.ReadAllBytes(job.Path), background);
            if (job.Box is { } box)
            {
                var rectangle = QueryCrop.Rectangle(box, decoded.Image.Width, decoded.Image.Height);
                decoded.Image.Mutate(x => x.Crop(rectangle));
            }
            return ScaledTensors.Prepare(decoded.Image, ExtractionSettings.SingleScale(longerSide), model.Manifest.Input.MinSide)[0];
        }).ToList();
        try
        {
            if (tensors.Count == 0)
            {
                return (double.NaN, []);
            }
            model.Embed(tensors[0]);
            var started = Stopwatch.GetTimestamp();
            tensors.ForEach(t => model.Embed(t));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return (elapsed / tensors.Count, tensors.Select(t => new Size(t.Width, t.Height)).ToList());
        }
        finally
        {
            tensors.ForEach(t => t.Dispose());
        }
    }
}

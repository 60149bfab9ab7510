using System.Diagnostics;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Evaluation.Running;

/// <summary>Measures a query model's run time per image on this machine, on the dataset's own (cropped) queries.</summary>
public static class QueryCostMeter
{
    /// <summary>
    /// Prepares up to <paramref name="maxQueries"/> queries at <paramref name="longerSide"/>, runs the model once to warm
    /// up, then times one run per query. Decoding and resizing are not timed: they are the same for every model.
    /// </summary>
    /// <returns>Mean milliseconds per image and the tensor sizes (width, height) that were run.</returns>
    public static (double MillisecondsPerImage, IReadOnlyList<PixelSize> Sizes) Measure(OnnxEmbedder model, RetrievalDataset dataset,
        int longerSide, int maxQueries = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        var pipeline = new ImagePipeline(ImageDecodeLimits.LocalFiles);
        var tensors = ImageJob.Queries(dataset).Take(maxQueries)
            .Select(job => ScaledTensors.Prepare(pipeline, job, ExtractionSettings.SingleScale(longerSide), model.Manifest.Input))
            .ToList();
        try
        {
            if (tensors.Count == 0)
            {
                return (double.NaN, []);
            }
            model.Embed(tensors[0].Tensor);
            var started = Stopwatch.GetTimestamp();
            tensors.ForEach(t => model.Embed(t.Tensor));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return (elapsed / tensors.Count, tensors.Select(t => new PixelSize(t.Tensor.Width, t.Tensor.Height)).ToList());
        }
        finally
        {
            tensors.ForEach(t => t.Dispose());
        }
    }
}

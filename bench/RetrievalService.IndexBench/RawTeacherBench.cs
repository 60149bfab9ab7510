using System.Diagnostics;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.IndexBench;

/// <summary>
/// The ceiling: the teacher alone on tensors prepared beforehand (same size policy, same batching as the
/// pipeline), so nothing but ONNX Runtime is timed.
/// </summary>
internal static class RawTeacherBench
{
    public static List<PreprocessedImage> Prepare(IReadOnlyList<string> paths, OnnxEmbedder teacher, ImagePipeline pipeline) =>
        paths.Select(path =>
        {
            using var prepared = pipeline.Prepare(File.ReadAllBytes(path), teacher.Manifest.Input);
            return prepared.DetachTensor();
        }).ToList();

    /// <summary>Images per second over all tensors, batched like the pipeline (equal sizes together, at most <paramref name="batch"/>).</summary>
    public static double ImagesPerSecond(OnnxEmbedder teacher, IReadOnlyList<PreprocessedImage> tensors, int batch)
    {
        var ordered = tensors.OrderBy(t => t.Width).ThenBy(t => t.Height).ToList();
        teacher.EmbedBatch(ordered.Take(batch).ToList());
        var watch = Stopwatch.StartNew();
        foreach (var chunk in ordered.Chunk(batch))
        {
            teacher.EmbedBatch(chunk);
        }
        return tensors.Count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Read + decode + resize alone on one thread, to show where the pipeline's time goes.</summary>
    public static double DecodeImagesPerSecond(IReadOnlyList<string> paths, OnnxEmbedder teacher, ImagePipeline pipeline)
    {
        var watch = Stopwatch.StartNew();
        foreach (var tensor in Prepare(paths, teacher, pipeline))
        {
            tensor.Dispose();
        }
        return paths.Count / watch.Elapsed.TotalSeconds;
    }
}

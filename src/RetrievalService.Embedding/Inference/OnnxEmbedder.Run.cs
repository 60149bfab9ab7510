using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using RetrievalService.Embedding.Images;

namespace RetrievalService.Embedding.Inference;

public sealed partial class OnnxEmbedder
{
    /// <summary>Embeds one image; returns a vector of <see cref="Dimension"/> floats.</summary>
    public float[] Embed(PreprocessedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return RunSameSize([image])[0];
    }

    /// <summary>
    /// Embeds many images; result <c>i</c> belongs to <c>images[i]</c>. Images of equal size share one
    /// <c>Run</c>; different sizes run separately, because zero padding would leak into GeM's spatial mean.
    /// </summary>
    public float[][] EmbedBatch(IReadOnlyList<PreprocessedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var results = new float[images.Count][];
        var groups = Enumerable.Range(0, images.Count).GroupBy(i => (images[i].Width, images[i].Height));
        foreach (var group in groups)
        {
            var indices = group.ToArray();
            var vectors = RunSameSize(indices.Select(i => images[i]).ToArray());
            for (var k = 0; k < indices.Length; k++)
            {
                results[indices[k]] = vectors[k];
            }
        }
        return results;
    }

    private float[][] RunSameSize(IReadOnlyList<PreprocessedImage> images)
    {
        var first = images[0];
        var perImage = first.Length;
        long[] shape = [images.Count, 3, first.Height, first.Width];
        if (images.Count == 1)
        {
            return Run(first.Writable, shape);
        }
        // A batch tensor must be contiguous; the copy is small next to the convolutions that follow.
        var batch = ArrayPool<float>.Shared.Rent(images.Count * perImage);
        try
        {
            for (var i = 0; i < images.Count; i++)
            {
                images[i].Pixels.Span.CopyTo(batch.AsSpan(i * perImage, perImage));
            }
            return Run(batch.AsMemory(0, images.Count * perImage), shape);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(batch);
        }
    }

    private float[][] Run(Memory<float> tensor, long[] shape)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, inputNames, [input], outputNames);
        var output = outputs[0];
        var outShape = output.GetTensorTypeAndShape().Shape;
        var count = (int)shape[0];
        if (outShape.Length != 2 || outShape[0] != count || outShape[1] != Dimension)
        {
            throw new InvalidOperationException(
                $"Model '{Manifest.Id}' returned shape [{string.Join(", ", outShape)}] for a batch of {count}; the manifest promises [{count}, {Dimension}].");
        }
        var values = output.GetTensorDataAsSpan<float>();
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = values.Slice(i * Dimension, Dimension).ToArray();
        }
        return vectors;
    }

    /// <summary>
    /// Runs a mid-grey image of the minimum size once at load: it warms the session up and confirms an output
    /// width that the graph may declare only symbolically.
    /// </summary>
    private void Probe()
    {
        var side = Manifest.Input.MinSide;
        var grey = new float[3 * side * side];
        Array.Fill(grey, 128f);
        using var probe = PreprocessedImage.FromPlanes(side, side, grey);
        try
        {
            Embed(probe);
        }
        catch (Exception e) when (e is InvalidOperationException or OnnxRuntimeException)
        {
            throw new ModelRejectedException(Manifest.Id, $"a {side}×{side} probe failed: {e.Message}", e);
        }
    }
}

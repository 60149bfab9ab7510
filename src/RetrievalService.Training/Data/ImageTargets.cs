using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Training.Data;

/// <summary>The teacher vector an image loss regresses a student view of a split image onto.</summary>
public interface IImageTargets
{
    /// <summary>The target of <paramref name="image"/>, seen by the student as <paramref name="view"/>.</summary>
    ReadOnlySpan<float> For(SplitImage image, PreprocessedImage view);
}

/// <summary>The teacher's cached vector of the whole image, whatever view the student got.</summary>
public sealed class CachedImageTargets(SplitVectors teacher) : IImageTargets
{
    /// <inheritdoc />
    public ReadOnlySpan<float> For(SplitImage image, PreprocessedImage view) => teacher.Row(image);
}

/// <summary>
/// The teacher run on the student's very view. The frozen teacher stays in ONNX Runtime, outside the torch graph,
/// and sees the same pixels as the student because both models share one input contract.
/// </summary>
public sealed class SameViewImageTargets(OnnxEmbedder teacher) : IImageTargets
{
    /// <inheritdoc />
    public ReadOnlySpan<float> For(SplitImage image, PreprocessedImage view) => teacher.Embed(view);
}

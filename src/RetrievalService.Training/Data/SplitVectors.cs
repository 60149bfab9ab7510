using RetrievalService.Evaluation.Search;

namespace RetrievalService.Training.Data;

/// <summary>Teacher vectors of one split: a row per gallery image and, when loaded, per query.</summary>
/// <param name="Gallery">Row i belongs to gallery image i.</param>
/// <param name="Queries">Row q belongs to query q; <c>null</c> when the queries were not embedded.</param>
public sealed record SplitVectors(EmbeddingMatrix Gallery, EmbeddingMatrix? Queries)
{
    /// <summary>Vector dimension.</summary>
    public int Dimension => Gallery.Dimension;

    /// <summary>The teacher vector of <paramref name="image"/>.</summary>
    public ReadOnlySpan<float> Row(SplitImage image) =>
        image.IsQuery
            ? (Queries ?? throw new InvalidOperationException("The queries' teacher vectors were not loaded.")).Row(image.Index)
            : Gallery.Row(image.Index);

    /// <summary>The rows of <paramref name="images"/>, back to back.</summary>
    public float[] Rows(IEnumerable<SplitImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var list = images.ToList();
        var values = new float[list.Count * Dimension];
        for (var i = 0; i < list.Count; i++)
        {
            Row(list[i]).CopyTo(values.AsSpan(i * Dimension, Dimension));
        }
        return values;
    }
}

namespace RetrievalService.Evaluation.Search;

/// <summary>Row-major float matrix: one embedding per row.</summary>
public sealed class EmbeddingMatrix
{
    /// <summary>Wraps <paramref name="values"/> (not copied) as <paramref name="count"/> rows of <paramref name="dimension"/>.</summary>
    public EmbeddingMatrix(int count, int dimension, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != (long)count * dimension)
        {
            throw new ArgumentException($"{count}×{dimension} needs {(long)count * dimension} values, got {values.Length}.", nameof(values));
        }
        Count = count;
        Dimension = dimension;
        Values = values;
    }

    public int Count { get; }

    public int Dimension { get; }

    /// <summary>All rows, back to back.</summary>
    public float[] Values { get; }

    /// <summary>Row <paramref name="index"/>.</summary>
    public Span<float> Row(int index) => Values.AsSpan(index * Dimension, Dimension);

    /// <summary>Stacks <paramref name="rows"/>, which must all have the same length.</summary>
    public static EmbeddingMatrix FromRows(IReadOnlyList<float[]> rows, int dimension)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new float[rows.Count * dimension];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimension)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values; expected {dimension}.", nameof(rows));
            }
            rows[i].CopyTo(values, i * dimension);
        }
        return new EmbeddingMatrix(rows.Count, dimension, values);
    }
}

using Pgvector;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage.Database;

/// <summary>Converts between the API's float vectors and pgvector's <c>vector</c> / <c>halfvec</c> values.</summary>
internal static class EmbeddingValues
{
    public static string TypeName(VectorKind kind) => kind == VectorKind.HalfVector ? "halfvec" : "vector";

    public static object ToDbValue(VectorKind kind, ReadOnlyMemory<float> values)
    {
        if (kind == VectorKind.Vector)
        {
            return new Vector(values);
        }
        var halves = new Half[values.Length];
        var span = values.Span;
        for (var i = 0; i < halves.Length; i++)
        {
            halves[i] = (Half)span[i];
        }
        return new HalfVector(halves);
    }

    public static float[] FromDbValue(object value) => value switch
    {
        Vector v => v.ToArray(),
        HalfVector h => Array.ConvertAll(h.ToArray(), x => (float)x),
        _ => throw new InvalidCastException($"Expected a pgvector value, got {value.GetType().Name}."),
    };
}

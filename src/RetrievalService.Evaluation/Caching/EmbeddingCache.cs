using System.Buffers.Binary;
using System.Text;
using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Caching;

/// <summary>
/// Embedding matrices on disk, one file per <see cref="EmbeddingCacheKey"/>: an 8-byte magic, the 64-character
/// key, count and dimension (int32 little-endian), then the floats (little-endian). Files are written to a
/// temporary name and renamed, so a crash never leaves a truncated file that a later run trusts.
/// </summary>
public sealed class EmbeddingCache(string directory)
{
    /// <summary>The default folder, relative to the repository root (the CLI's working directory).</summary>
    public const string DefaultDirectory = "data/cache/embeddings";

    private static readonly byte[] Magic = "RSEMB001"u8.ToArray();

    /// <summary>Absolute cache folder.</summary>
    public string Directory { get; } = System.IO.Path.GetFullPath(directory);

    /// <summary>Where <paramref name="key"/> is stored.</summary>
    public string PathOf(EmbeddingCacheKey key) => System.IO.Path.Combine(Directory, key.FileName);

    /// <summary>The cached matrix, or <c>null</c> when absent or when the file does not match the key and shape.</summary>
    public EmbeddingMatrix? TryLoad(EmbeddingCacheKey key, int count, int dimension)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        var header = Magic.Length + 64 + 8;
        if (bytes.Length != header + 4L * count * dimension
            || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || Encoding.ASCII.GetString(bytes, Magic.Length, 64) != key.Hash
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + 64)) != count
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + 68)) != dimension)
        {
            return null;
        }
        var values = new float[count * dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(header + 4 * i));
        }
        return new EmbeddingMatrix(count, dimension, values);
    }

    /// <summary>Stores <paramref name="matrix"/> under <paramref name="key"/>; returns the file path.</summary>
    public string Save(EmbeddingCacheKey key, EmbeddingMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(matrix);
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(key);
        var bytes = new byte[Magic.Length + 64 + 8 + 4L * matrix.Values.Length];
        Magic.CopyTo(bytes, 0);
        Encoding.ASCII.GetBytes(key.Hash, bytes.AsSpan(Magic.Length, 64));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length + 64), matrix.Count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length + 68), matrix.Dimension);
        var offset = Magic.Length + 72;
        foreach (var value in matrix.Values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset), value);
            offset += 4;
        }
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}

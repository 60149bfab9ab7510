using System.Collections.Concurrent;
using System.IO.Compression;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// zlib streams of zeros: deflate tops out near 1032:1, so 400 MB inflates from about 400 KB. Built once per size
/// and process (400 MB takes a second or two to compress), streamed so compressing never holds the inflated bytes.
/// </summary>
public static class ZlibBomb
{
    private static readonly ConcurrentDictionary<long, Lazy<byte[]>> Cache = new();

    /// <summary>A zlib stream (RFC 1950) that inflates to <paramref name="inflatedBytes"/> zero bytes, after an optional prefix.</summary>
    public static byte[] Zeros(long inflatedBytes, byte[]? prefix = null)
    {
        if (prefix is not null)
        {
            return Compress(inflatedBytes, prefix);
        }
        return Cache.GetOrAdd(inflatedBytes, size => new Lazy<byte[]>(() => Compress(size, []))).Value;
    }

    private static byte[] Compress(long inflatedBytes, byte[] prefix)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(prefix);
            var zeros = new byte[1 << 20];
            for (var left = inflatedBytes - prefix.Length; left > 0; left -= zeros.Length)
            {
                zlib.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            }
        }
        return output.ToArray();
    }
}

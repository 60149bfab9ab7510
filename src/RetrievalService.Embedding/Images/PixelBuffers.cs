using System.Buffers;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Buffers for pixels and tensors. Small ones (every phone photo after a reduced decode) come from the shared
/// pool; large ones (a 16 MP PNG's rows) are plain arrays the GC reclaims, so one big upload does not leave
/// 100 MB parked in the pool for the life of the process.
/// </summary>
internal static class PixelBuffers
{
    /// <summary>Largest buffer, in bytes, that is pooled.</summary>
    public const int PooledBytes = 8 * 1024 * 1024;

    public static T[] Rent<T>(int length)
        where T : unmanaged
    {
        return (long)length * Size<T>() <= PooledBytes ? ArrayPool<T>.Shared.Rent(length) : GC.AllocateUninitializedArray<T>(length);
    }

    public static void Return<T>(T[] buffer)
        where T : unmanaged
    {
        if ((long)buffer.Length * Size<T>() <= PooledBytes)
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private static unsafe int Size<T>()
        where T : unmanaged => sizeof(T);
}

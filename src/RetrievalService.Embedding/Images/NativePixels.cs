using System.Runtime.InteropServices;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// The decoder's output buffer, in native memory: it is written by Skia through a pointer, read once while rows
/// are converted, and freed at once. A 16 MP frame (64 MB) thus never lands on the managed large-object heap, where
/// repeated big uploads would pile up until the next full collection.
/// </summary>
internal sealed unsafe class NativePixels : IDisposable
{
    private byte* pointer;

    public NativePixels(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        pointer = (byte*)NativeMemory.Alloc((nuint)length);
    }

    public int Length { get; }

    public IntPtr Address => pointer is null ? throw new ObjectDisposedException(nameof(NativePixels)) : (IntPtr)pointer;

    public ReadOnlySpan<byte> Span => new((void*)Address, Length);

    public void Dispose()
    {
        if (pointer is not null)
        {
            NativeMemory.Free(pointer);
            pointer = null;
        }
    }
}

namespace RetrievalService.Embedding.Images;

/// <summary>
/// A buffer from <see cref="PixelBuffers"/> owned by one image: returned once, on the first dispose, however many
/// threads dispose the image, and never read after.
/// </summary>
internal sealed class RentedPixels<T>
    where T : unmanaged
{
    private readonly string owner;
    private T[]? buffer;

    public RentedPixels(int length, string owner)
    {
        this.owner = owner;
        buffer = PixelBuffers.Rent<T>(length);
    }

    /// <summary>The rented array, longer than asked for when it came from the pool.</summary>
    /// <exception cref="ObjectDisposedException">The buffer was returned.</exception>
    public T[] Array => buffer ?? throw new ObjectDisposedException(owner);

    public void Return()
    {
        var rented = Interlocked.Exchange(ref buffer, null);
        if (rented is not null)
        {
            PixelBuffers.Return(rented);
        }
    }
}

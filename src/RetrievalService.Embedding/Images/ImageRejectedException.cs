namespace RetrievalService.Embedding.Images;

/// <summary>
/// An untrusted image was refused before or during decoding. <see cref="Reason"/> is machine-readable;
/// the message says what the limit was and how to get under it.
/// </summary>
public sealed class ImageRejectedException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> should tell a client developer what to change.</summary>
    public ImageRejectedException(ImageRejectionReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Which check refused the image.</summary>
    public ImageRejectionReason Reason { get; }
}

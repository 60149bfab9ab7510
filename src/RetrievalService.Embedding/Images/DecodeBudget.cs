using System.Diagnostics;

namespace RetrievalService.Embedding.Images;

/// <summary>The wall-clock deadline and the caller's cancellation of one decode, checked between bands of rows.</summary>
internal readonly struct DecodeBudget(int deadlineMs, CancellationToken cancellationToken)
{
    private readonly long started = Stopwatch.GetTimestamp();

    /// <exception cref="OperationCanceledException">The caller went away.</exception>
    /// <exception cref="ImageRejectedException">The decode has run past its deadline.</exception>
    public void Check(string format)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetElapsedTime(started).TotalMilliseconds > deadlineMs)
        {
            throw new ImageRejectedException(ImageRejectionReason.TooComplex,
                $"Decoding this {format} took longer than {deadlineMs} ms; re-encode it as a baseline JPEG at a lower resolution.");
        }
    }
}

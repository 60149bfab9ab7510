using RetrievalService.Embedding.Images;

namespace RetrievalService.Api.Inference;

/// <summary>One query waiting in an <see cref="EmbeddingQueue"/>; it owns its image.</summary>
internal sealed class EmbeddingJob : IDisposable
{
    private readonly TaskCompletionSource<float[]> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken cancellationToken;
    private readonly CancellationTokenRegistration registration;

    public EmbeddingJob(PreprocessedImage image, CancellationToken cancellationToken)
    {
        Image = image;
        this.cancellationToken = cancellationToken;
        // A client that went away frees its caller at once; the worker skips the job if it has not started it.
        registration = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
    }

    public PreprocessedImage Image { get; }

    public Task<float[]> Result => completion.Task;

    /// <summary>The caller stopped waiting; its image may already be disposed.</summary>
    public bool IsAbandoned => cancellationToken.IsCancellationRequested || completion.Task.IsCompleted;

    public void Complete(float[] vector)
    {
        registration.Dispose();
        completion.TrySetResult(vector);
    }

    public void Fail(Exception error)
    {
        registration.Dispose();
        completion.TrySetException(error);
    }

    /// <summary>Returns the image's pooled buffer; a job that was never run completes as cancelled.</summary>
    public void Dispose()
    {
        registration.Dispose();
        completion.TrySetCanceled(CancellationToken.None);
        Image.Dispose();
    }
}

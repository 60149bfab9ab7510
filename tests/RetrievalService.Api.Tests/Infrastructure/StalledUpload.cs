namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>An image body that sends its first half, then waits until told to send the rest.</summary>
internal sealed class StalledUpload : HttpContent
{
    private readonly byte[] bytes;
    private readonly TaskCompletionSource halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StalledUpload(byte[] bytes)
    {
        this.bytes = bytes;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
    }

    public Task HalfSent => halfSent.Task;

    public void Resume() => resume.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await stream.FlushAsync();
        halfSent.TrySetResult();
        await resume.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }
}

using RetrievalService.Embedding.Images;
using RetrievalService.Indexing.Files;

namespace RetrievalService.Indexing;

/// <summary>
/// Where an item's encoded image is: bytes already in memory (an upload), or a file that the pipeline reads only when
/// the item's turn comes, so a run over a million files holds no more than what is in flight.
/// </summary>
public abstract record IndexContent
{
    private IndexContent()
    {
    }

    /// <summary>The file the image is read from; null for bytes in memory.</summary>
    public abstract string? FilePath { get; }

    /// <summary>Bytes already in memory.</summary>
    public static IndexContent FromBytes(ReadOnlyMemory<byte> bytes) => new InMemory(bytes);

    /// <summary>A file, read when the pipeline gets to it.</summary>
    public static IndexContent FromFile(string path) => new OnDisk(path);

    /// <summary>The bytes, or the item's rejection when they cannot be had (unreadable, or a file over <paramref name="maxBytes"/>).</summary>
    internal abstract Task<(ReadOnlyMemory<byte> Bytes, IndexItemResult? Rejected)> ReadAsync(string id, long maxBytes, CancellationToken ct);

    private sealed record InMemory(ReadOnlyMemory<byte> Bytes) : IndexContent
    {
        public override string? FilePath => null;

        // The decoder refuses oversized bytes itself, with the same reason.
        internal override Task<(ReadOnlyMemory<byte> Bytes, IndexItemResult? Rejected)> ReadAsync(string id, long maxBytes, CancellationToken ct) =>
            Task.FromResult((Bytes, (IndexItemResult?)null));
    }

    private sealed record OnDisk(string Path) : IndexContent
    {
        public override string? FilePath => Path;

        internal override async Task<(ReadOnlyMemory<byte> Bytes, IndexItemResult? Rejected)> ReadAsync(string id, long maxBytes, CancellationToken ct)
        {
            try
            {
                var file = await LimitedFileReader.ReadAsync(Path, maxBytes, ct);
                return file.Bytes is { } bytes
                    ? (bytes, null)
                    : (default, IndexItemResult.Rejected(id, nameof(ImageRejectionReason.TooManyBytes),
                        $"The file is {file.Length} bytes; the limit is {maxBytes} bytes (Embedding:ImageLimits:MaxBytes)."));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (default, IndexItemResult.Rejected(id, RejectionCodes.Unreadable, $"The file cannot be read: {e.Message}"));
            }
        }
    }
}

using System.Text.Json.Nodes;

namespace RetrievalService.Indexing.Stages;

/// <summary>
/// An item whose id, source and metadata passed the checks, with its bytes and their hash; the bytes are dropped once
/// decoded (<see cref="WithoutContent"/>). It carries its origin and its position in the input, so every stage can report
/// it without matching it up again.
/// </summary>
internal sealed record CheckedItem(int Position, IndexItem Origin, JsonObject? Metadata, ReadOnlyMemory<byte> Content, string ContentSha256)
{
    /// <summary>The row holds this content already but no thumbnail: decode for the thumbnail alone, embed nothing.</summary>
    public bool ThumbnailOnly { get; init; }

    /// <summary>For a <see cref="ThumbnailOnly"/> item: its source or metadata was updated on the way (its outcome is then stored).</summary>
    public bool DescriptionUpdated { get; init; }

    public string Id => Origin.Id;

    /// <summary>The same item without its bytes, for the stages after decoding: they need the hash, not the file.</summary>
    public CheckedItem WithoutContent() => this with { Content = ReadOnlyMemory<byte>.Empty };

    public string Source => Origin.Source;
}

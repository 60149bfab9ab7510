using System.Text.Json.Nodes;

namespace RetrievalService.Indexing.Stages;

/// <summary>
/// An item whose id, source and metadata passed the checks, with its bytes and their hash; not yet decoded. It carries
/// its origin and its position in the input, so every stage can report it without matching it up again.
/// </summary>
internal sealed record CheckedItem(int Position, IndexItem Origin, JsonObject? Metadata, ReadOnlyMemory<byte> Content, string ContentSha256)
{
    public string Id => Origin.Id;

    public string Source => Origin.Source;
}

using System.Text.Json.Nodes;

namespace RetrievalService.Indexing.Stages;

/// <summary>
/// An item whose id, source and metadata passed the checks, with its content hash; not yet decoded.
/// <c>Index</c> is its position in the caller's input, so results come back in input order.
/// </summary>
internal sealed record CheckedItem(int Index, string Id, string Source, JsonObject? Metadata, ReadOnlyMemory<byte> Content, string ContentSha256);

using System.Text.Json;

namespace RetrievalService.Indexing;

/// <summary>One gallery image to index with the teacher.</summary>
/// <param name="Id">Caller-given gallery id; rules in <see cref="Storage.Model.GalleryIds"/>.</param>
/// <param name="Content">The encoded image (JPEG, PNG, WebP, GIF or BMP): uploaded bytes, or a file read when its turn comes.</param>
/// <param name="Source">Where the image came from as clients may see it (1..4096 characters): a relative path, a URI.</param>
/// <param name="Metadata">A JSON object stored with the row (searchable by containment); null or JSON null for none.</param>
public sealed record IndexItem(string Id, IndexContent Content, string Source, JsonElement? Metadata);

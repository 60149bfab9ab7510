using System.Text.Json;

namespace RetrievalService.Indexing;

/// <summary>One gallery image to index with the teacher.</summary>
/// <param name="Id">Caller-given gallery id; rules in <see cref="Storage.Model.GalleryIds"/>.</param>
/// <param name="Content">The encoded image file's bytes (JPEG, PNG, WebP, GIF, BMP or TIFF).</param>
/// <param name="Source">Path or URI of the image, stored as given (1..4096 characters).</param>
/// <param name="Metadata">A JSON object stored with the row (searchable by containment); null or JSON null for none.</param>
public sealed record IndexItem(string Id, ReadOnlyMemory<byte> Content, string Source, JsonElement? Metadata);

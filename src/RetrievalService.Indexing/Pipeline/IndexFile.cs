using System.Text.Json;

namespace RetrievalService.Indexing.Pipeline;

/// <summary>An image file to index: read from <paramref name="Path"/>, stored under <paramref name="Id"/>.</summary>
/// <param name="Id">Gallery id; rules in <see cref="Storage.Model.GalleryIds"/>.</param>
/// <param name="Path">File to read.</param>
/// <param name="Source">Stored as the row's source (the path as the user gave it).</param>
/// <param name="Metadata">A JSON object stored with the row, or null.</param>
public sealed record IndexFile(string Id, string Path, string Source, JsonElement? Metadata);

namespace RetrievalService.Indexer.Sources;

/// <summary>A manifest file as a whole is unusable (unknown extension, missing header column).</summary>
internal sealed class ManifestFormatException(string path, string reason)
    : Exception($"Manifest '{path}' is unusable: {reason}");

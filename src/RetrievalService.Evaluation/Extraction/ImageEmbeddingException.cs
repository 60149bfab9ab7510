namespace RetrievalService.Evaluation.Extraction;

/// <summary>An image of the dataset could not be read, decoded, cropped or embedded; the message names the file.</summary>
public sealed class ImageEmbeddingException(string path, Exception inner)
    : Exception($"{path}: {inner.Message}", inner)
{
    /// <summary>The image that failed.</summary>
    public string Path { get; } = path;
}

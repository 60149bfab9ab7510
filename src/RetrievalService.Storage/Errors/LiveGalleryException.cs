namespace RetrievalService.Storage.Errors;

/// <summary>
/// The live gallery is not what the operation expected: a switch from a teacher that is no longer live (another switch
/// came first), or a drop of the gallery that answers searches.
/// </summary>
public sealed class LiveGalleryException(string message) : GalleryStoreException(message);

using RetrievalService.Storage;

namespace RetrievalService.StoreBench;

/// <summary>
/// The database a bench writes to, taken as the hosts take it: <c>GalleryStore__ConnectionString</c>. Also compiled
/// into IndexBench and SearchBench.
/// </summary>
internal static class BenchDatabase
{
    public const string EnvironmentVariable = "GalleryStore__ConnectionString";

    /// <exception cref="InvalidOperationException">It is not set; the message says where to get one.</exception>
    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(GalleryStoreOptions.MissingConnectionStringMessage);
}

using RetrievalService.Storage;

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>Files of the repository the tests use: the real teacher model and the built CLI.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = LocalDatabase.FindRepositoryRoot(AppContext.BaseDirectory);

    public static string TeacherManifest { get; } = Path.Combine(RepositoryRoot, "models", "teacher-resnet18-gem.manifest.json");

    /// <summary>The CLI built beside the tests (the test project references it), run as <c>dotnet indexer.dll</c>.</summary>
    public static string IndexerDll { get; } = Path.Combine(AppContext.BaseDirectory, "indexer.dll");
}

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>Files the tests use: the repository's real teacher model and the built CLI.</summary>
public static class TestPaths
{
    public static string TeacherManifest { get; } = Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.manifest.json");

    /// <summary>The CLI built beside the tests (the test project references it), run as <c>dotnet indexer.dll</c>.</summary>
    public static string IndexerDll { get; } = Path.Combine(AppContext.BaseDirectory, "indexer.dll");
}

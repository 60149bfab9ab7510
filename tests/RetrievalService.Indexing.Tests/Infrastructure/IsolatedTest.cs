namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>Base of tests that write: each test gets its own schema (dropped afterwards) and its own image folder.</summary>
public abstract class IsolatedTest : IAsyncLifetime
{
    protected IsolatedTest()
    {
        Runner = new IndexerRunner(TestSchemas.NewSchema());
    }

    protected IndexerRunner Runner { get; }

    protected TestImages Files { get; } = new();

    protected string Schema => Runner.Schema;

    protected string ReportPath => Path.Combine(Files.Folder, "..", Path.GetFileName(Files.Folder) + "-report.json");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Files.Dispose();
        File.Delete(ReportPath);
        await TestSchemas.DropSchemaAsync(Schema);
    }
}

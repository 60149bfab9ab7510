using RetrievalService.Storage;

namespace RetrievalService.Storage.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL + pgvector the tests run against: <c>RETRIEVAL_DB</c>, or the private cluster that
/// <c>scripts/db.sh start</c> creates. Resolved once per test run; a missing database fails every test that
/// needs it, with the script's output, and never skips.
/// </summary>
public sealed class DatabaseFixture
{
    private static readonly Lazy<Task<string>> Resolved = new(() => LocalDatabase.ResolveConnectionStringAsync());

    /// <summary>The connection string; throws with the set-up failure when there is no database.</summary>
    public static Task<string> ConnectionStringAsync() => Resolved.Value;

    /// <summary>A store on a fresh schema of its own, dropped when the returned gallery is disposed.</summary>
    public static async Task<TestGallery> CreateGalleryAsync(Action<GalleryStoreOptions>? configure = null)
    {
        var options = new GalleryStoreOptions
        {
            ConnectionString = await ConnectionStringAsync(),
            Schema = "t_" + Guid.NewGuid().ToString("N")[..12],
        };
        configure?.Invoke(options);
        return new TestGallery(options);
    }
}

namespace RetrievalService.Storage.Tests.Infrastructure;

/// <summary>Galleries on the test database (<see cref="TestDatabase"/>), each on a fresh schema of its own.</summary>
public sealed class DatabaseFixture
{
    /// <summary>A store on a fresh schema of its own, dropped when the returned gallery is disposed.</summary>
    public static async Task<TestGallery> CreateGalleryAsync(Action<GalleryStoreOptions>? configure = null)
    {
        var options = new GalleryStoreOptions
        {
            ConnectionString = await TestDatabase.ConnectionStringAsync(),
            Schema = "t_" + Guid.NewGuid().ToString("N")[..12],
        };
        configure?.Invoke(options);
        return new TestGallery(options);
    }
}

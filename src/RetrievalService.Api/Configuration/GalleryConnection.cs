using RetrievalService.Storage;

namespace RetrievalService.Api.Configuration;

/// <summary>Fills in <c>GalleryStore:ConnectionString</c> when it is empty, before the options are bound and validated.</summary>
public static class GalleryConnection
{
    private const string Key = GalleryStoreOptions.SectionName + ":" + nameof(GalleryStoreOptions.ConnectionString);

    /// <summary>
    /// Keeps a configured connection string (e.g. env <c>GalleryStore__ConnectionString</c>); otherwise uses
    /// <see cref="LocalDatabase.ResolveConnectionStringAsync"/>: <c>RETRIEVAL_DB</c>, or the private cluster of
    /// <c>scripts/db.sh start</c> in a source checkout.
    /// </summary>
    public static async Task ResolveGalleryConnectionAsync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[Key]))
        {
            builder.Configuration[Key] = await LocalDatabase.ResolveConnectionStringAsync();
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetrievalService.Storage.Schema;

namespace RetrievalService.Storage;

/// <summary>Registers the gallery store.</summary>
public static class GalleryStoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GalleryStoreOptions"/> from <c>GalleryStore</c> (validated at start), registers the
    /// singleton <see cref="GalleryStore"/> (owner of the connection pool), its <see cref="Keys.ApiKeyStore"/>, and a hosted service that migrates
    /// the schema at start-up when <see cref="GalleryStoreOptions.MigrateOnStartup"/> is set.
    /// </summary>
    public static IServiceCollection AddGalleryStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GalleryStoreOptions>().BindConfiguration(GalleryStoreOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => GalleryStore.Create(
            sp.GetRequiredService<IOptions<GalleryStoreOptions>>().Value, sp.GetService<ILoggerFactory>()));
        services.AddSingleton<Keys.ApiKeyStore>();
        services.AddHostedService<GallerySchemaInitializer>();
        return services;
    }
}

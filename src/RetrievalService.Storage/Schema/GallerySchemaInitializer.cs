using Microsoft.Extensions.Hosting;

namespace RetrievalService.Storage.Schema;

/// <summary>Migrates the schema when the host starts, so an unreachable or too-new database stops start-up.</summary>
internal sealed class GallerySchemaInitializer(GalleryStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        store.Options.MigrateOnStartup ? store.EnsureSchemaAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

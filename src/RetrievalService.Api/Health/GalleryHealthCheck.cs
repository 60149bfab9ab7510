using Microsoft.Extensions.Diagnostics.HealthChecks;
using RetrievalService.Api.Models;
using RetrievalService.Storage;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Api.Health;

/// <summary>Ready when the database answers, the schema is at this build's version and the teacher's gallery exists.</summary>
internal sealed class GalleryHealthCheck(GalleryStore store, ModelCatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.EnsureSchemaAsync(cancellationToken);
            var count = await store.CountAsync(catalog.Teacher.Id, cancellationToken);
            return HealthCheckResult.Healthy($"Schema '{store.Options.Schema}' is current; the '{catalog.Teacher.Id}' gallery holds {count} images.");
        }
        catch (GalleryUnavailableException)
        {
            // The message names the database's host, port and name; the probe is public, the log is not.
            return HealthCheckResult.Unhealthy("The gallery database cannot be reached.");
        }
        catch (GalleryStoreException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

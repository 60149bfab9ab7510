using Microsoft.Extensions.Diagnostics.HealthChecks;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Models;
using RetrievalService.Storage;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Api.Health;

/// <summary>Ready when the database answers, the schema is at this build's version, and the live gallery exists and is served here.</summary>
internal sealed class GalleryHealthCheck(GalleryStore store, Galleries galleries) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.EnsureSchemaAsync(cancellationToken);
            var teacher = galleries.Live.Teacher.Id;
            // Not a count: a probe every few seconds on every instance must cost the same on a gallery of millions.
            await store.ProbeAsync(teacher, cancellationToken);
            return HealthCheckResult.Healthy($"Schema '{store.Options.Schema}' is current; the live '{teacher}' gallery answers.");
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
        catch (ApiProblemException e)
        {
            // The live gallery moved to a teacher this instance does not load: out of rotation until restarted.
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

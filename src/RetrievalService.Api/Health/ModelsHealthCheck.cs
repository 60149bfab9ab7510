using Microsoft.Extensions.Diagnostics.HealthChecks;
using RetrievalService.Api.Models;

namespace RetrievalService.Api.Health;

/// <summary>Ready once start-up has loaded and verified every model.</summary>
internal sealed class ModelsHealthCheck(ReadinessState readiness, ModelCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.ModelsLoaded
            ? HealthCheckResult.Healthy(string.Join("; ", catalog.Teachers.Select(t => $"teacher '{t.Teacher.Id}' and query models {t.StudentList} are loaded")) + ".")
            : HealthCheckResult.Unhealthy("The models are still loading."));
}

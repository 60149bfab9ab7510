using RetrievalService.Api.Telemetry;
using RetrievalService.Storage;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Models;

/// <summary>
/// Runs after the schema migration at start-up: loads and verifies every teacher and query model (so the first query pays
/// no load), registers each served teacher's gallery with the pipeline that makes its vectors, and finds the live
/// gallery. It refuses to run when the live gallery is of a teacher not served here, or, in a gallery that never declared
/// one, when the gallery holds vectors of another teacher only.
/// </summary>
internal sealed class ModelStartup(
    Galleries galleries,
    GalleryStore store,
    ReadinessState readiness,
    ILogger<ModelStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var model in galleries.All.SelectMany(g => g.QueryModels.Prepend(g.TeacherQueue.Model)))
        {
            ApiLog.ModelReady(logger, model.Manifest.Id, model.Manifest.Role.ToString(), model.Dimension, model.ExecutionProvider.ToString());
        }
        var live = await store.GetLiveGalleryAsync(cancellationToken);
        if (live is null)
        {
            await CheckUndeclaredGalleryAsync(cancellationToken);
        }
        foreach (var gallery in galleries.All)
        {
            try
            {
                await gallery.Indexing.EnsureModelAsync(cancellationToken);
            }
            catch (Exception e) when (e is DimensionMismatchException or PreprocessingMismatchException)
            {
                throw new IncompatibleModelsException($"Refusing to start: {e.Message}");
            }
        }
        live ??= await store.DeclareLiveGalleryAsync(galleries.Current.Teacher.Id, cancellationToken);
        if (galleries.Find(live.ModelId) is null)
        {
            throw new IncompatibleModelsException(
                $"Refusing to start: the live gallery (schema '{store.Options.Schema}') is the teacher '{live.ModelId}''s (since {live.SwitchedAt:u}), " +
                $"but this instance serves {string.Join(", ", galleries.All.Select(g => $"'{g.Teacher.Id}'"))}. Set Models:Teacher to '{live.ModelId}' " +
                "and the query models to ones fitted to it, or switch the live gallery (indexer gallery switch).");
        }
        galleries.Publish(live);
        readiness.ModelsLoaded = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Before switches were recorded the configured teacher was the gallery's by definition; a gallery full of another
    // teacher's vectors means the configuration is wrong, and serving it would compare queries with another space.
    private async Task CheckUndeclaredGalleryAsync(CancellationToken ct)
    {
        var foreign = (await store.GetStatsAsync(ct))
            .Where(s => s.Count > 0 && galleries.Find(s.Model.ModelId) is null)
            .Select(s => $"'{s.Model.ModelId}' ({s.Count} vectors)")
            .ToList();
        if (foreign.Count > 0)
        {
            var teacher = galleries.Current.Teacher.Id;
            throw new IncompatibleModelsException(
                $"Refusing to start: the gallery (schema '{store.Options.Schema}') holds vectors of {string.Join(", ", foreign)}, " +
                $"but the configured teacher is '{teacher}'. Queries would be compared with vectors of another space. " +
                $"Set Models:Teacher to the gallery's teacher, point GalleryStore:Schema at a gallery built with '{teacher}', " +
                "or re-index the gallery with it.");
        }
    }
}

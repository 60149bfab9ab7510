using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding.Inference;
using RetrievalService.Storage;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Api.Models;

/// <summary>
/// Runs after the schema migration at start-up: loads and verifies the teacher and every query model (so the first query pays no load),
/// refuses to run when the gallery holds vectors of another teacher or of another image pipeline, and registers the
/// teacher's gallery with the pipeline that makes its vectors.
/// </summary>
internal sealed class ModelStartup(
    ModelCatalog catalog,
    [FromKeyedServices(ModelCatalog.TeacherKey)] OnnxEmbedder teacher,
    QueryModels students,
    GalleryStore store,
    ReadinessState readiness,
    ILogger<ModelStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var model in students.Models.Prepend(teacher))
        {
            ApiLog.ModelReady(logger, model.Manifest.Id, model.Manifest.Role.ToString(), model.Dimension, model.ExecutionProvider.ToString());
        }
        await CheckGalleryTeacherAsync(cancellationToken);
        try
        {
            await store.RegisterModelAsync(catalog.Teacher.Id, catalog.Teacher.Output.Dimension, catalog.Teacher.Input.Preprocessing, cancellationToken);
        }
        catch (Exception e) when (e is DimensionMismatchException or PreprocessingMismatchException)
        {
            throw new IncompatibleModelsException($"Refusing to start: {e.Message}");
        }
        readiness.ModelsLoaded = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckGalleryTeacherAsync(CancellationToken ct)
    {
        var foreign = (await store.GetStatsAsync(ct))
            .Where(s => s.Count > 0 && !string.Equals(s.Model.ModelId, catalog.Teacher.Id, StringComparison.Ordinal))
            .Select(s => $"'{s.Model.ModelId}' ({s.Count} vectors)")
            .ToList();
        if (foreign.Count > 0)
        {
            throw new IncompatibleModelsException(
                $"Refusing to start: the gallery (schema '{store.Options.Schema}') holds vectors of {string.Join(", ", foreign)}, " +
                $"but the configured teacher is '{catalog.Teacher.Id}'. Queries would be compared with vectors of another space. " +
                $"Set Models:Teacher to the gallery's teacher, point GalleryStore:Schema at a gallery built with '{catalog.Teacher.Id}', " +
                "or re-index the gallery with it.");
        }
    }
}

using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Inference;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Api.Models;

/// <summary>Registers the configured teacher and query models, their batching queues and the start-up checks.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BatchingOptions"/> (<see cref="ModelsOptions"/> come with <c>AddEmbedding</c>), registers the <see cref="ModelCatalog"/> (which
    /// refuses an incompatible query model), the teacher as keyed <see cref="OnnxEmbedder"/> and <see cref="EmbeddingQueue"/>, the query models (<see cref="QueryModels"/>),
    /// and <see cref="ModelStartup"/>. Call after <c>AddGalleryStore</c>, so the schema is migrated before the gallery check.
    /// </summary>
    public static IServiceCollection AddRetrievalModels(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BatchingOptions>().BindConfiguration(BatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddEmbedding();
        services.AddSingleton(sp => ModelCatalog.Load(sp.GetRequiredService<IOptions<ModelsOptions>>().Value));
        services.AddModel(ModelCatalog.TeacherKey, catalog => catalog.TeacherManifestPath);
        services.AddSingleton<QueryModels>();
        services.AddSingleton<ApiTelemetry>();
        services.AddSingleton<QueryEmbedder>();
        services.AddSingleton<ReadinessState>();
        services.AddHostedService<ModelStartup>();
        return services;
    }

    private static void AddModel(this IServiceCollection services, string key, Func<ModelCatalog, string> manifestPath)
    {
        services.AddKeyedSingleton(key, (sp, _) => OnnxEmbedder.Load(
            manifestPath(sp.GetRequiredService<ModelCatalog>()),
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<OnnxEmbedder>()));
        services.AddKeyedSingleton(key, (sp, k) => new EmbeddingQueue(
            sp.GetRequiredKeyedService<OnnxEmbedder>(k),
            sp.GetRequiredService<IOptions<BatchingOptions>>().Value,
            sp.GetRequiredService<ApiTelemetry>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<EmbeddingQueue>()));
    }
}

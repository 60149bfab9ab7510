using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Inference;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Indexing;

namespace RetrievalService.Api.Models;

/// <summary>Registers the configured teachers and query models, their galleries, and the start-up checks.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BatchingOptions"/>, <see cref="GalleriesOptions"/> and the indexing options (<see cref="ModelsOptions"/>
    /// come with <c>AddEmbedding</c>), registers the <see cref="ModelCatalog"/> (which refuses an incompatible query model),
    /// the served <see cref="Galleries"/> with their models, queues and indexing pipelines, <see cref="ModelStartup"/> and the
    /// <see cref="LiveGalleryMonitor"/>. Call after <c>AddGalleryStore</c>, so the schema is migrated before the gallery check.
    /// </summary>
    public static IServiceCollection AddRetrievalModels(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BatchingOptions>().BindConfiguration(BatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GalleriesOptions>().BindConfiguration(GalleriesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddIndexingOptions();
        services.AddEmbedding();
        services.AddSingleton(sp => ModelCatalog.Load(sp.GetRequiredService<IOptions<ModelsOptions>>().Value));
        services.AddSingleton<Galleries>();
        services.AddSingleton<ApiTelemetry>();
        services.AddSingleton<QueryEmbedder>();
        services.AddSingleton<ReadinessState>();
        services.AddHostedService<ModelStartup>();
        services.AddHostedService<LiveGalleryMonitor>();
        return services;
    }
}

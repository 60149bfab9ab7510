using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetrievalService.Embedding;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Storage;

namespace RetrievalService.Indexing;

/// <summary>Registers gallery indexing.</summary>
public static class IndexingServiceCollectionExtensions
{
    /// <summary>Binds <see cref="IndexingOptions"/> from <c>Indexing</c>, validated at start: for hosts that build their own pipelines.</summary>
    public static IServiceCollection AddIndexingOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<IndexingOptions>().BindConfiguration(IndexingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Binds <see cref="IndexingOptions"/> from <c>Indexing</c> (validated at start) and registers the singleton
    /// <see cref="Pipeline.IndexingPipeline"/>, plus, unless already registered: the embedding core (<c>AddEmbedding</c>), the
    /// gallery store (<c>AddGalleryStore</c>) and the teacher as the keyed <see cref="OnnxEmbedder"/>
    /// <see cref="Pipeline.IndexingPipeline.TeacherKey"/>, the model <c>Models:Teacher</c> in <c>Models:Directory</c>, loaded on first use.
    /// </summary>
    public static IServiceCollection AddGalleryIndexing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddIndexingOptions();
        // A host may have registered these itself; registering twice would start two schema migrators.
        if (!services.Any(d => d.ServiceType == typeof(ImagePipeline)))
        {
            services.AddEmbedding();
        }
        if (!services.Any(d => d.ServiceType == typeof(GalleryStore)))
        {
            services.AddGalleryStore();
        }
        services.TryAddKeyedSingleton(Pipeline.IndexingPipeline.TeacherKey, (sp, _) => OnnxEmbedder.Load(
            sp.GetRequiredService<IOptions<ModelsOptions>>().Value.TeacherManifestPath(),
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger<OnnxEmbedder>()));
        services.TryAddSingleton(sp => new Pipeline.IndexingPipeline(
            sp.GetRequiredKeyedService<OnnxEmbedder>(Pipeline.IndexingPipeline.TeacherKey),
            sp.GetRequiredService<ImagePipeline>(),
            sp.GetRequiredService<GalleryStore>(),
            sp.GetRequiredService<IOptions<IndexingOptions>>().Value,
            sp.GetService<ILogger<Pipeline.IndexingPipeline>>()));
        return services;
    }
}

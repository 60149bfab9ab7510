using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Embedding;

/// <summary>Registers the embedding core: validated options, the shared image pipeline, and one session per model.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ImageDecodeLimits"/>, <see cref="InferenceOptions"/> and <see cref="Manifests.ModelsOptions"/> from their sections, validated at
    /// start, and registers the singleton <see cref="ImagePipeline"/>.
    /// </summary>
    public static IServiceCollection AddEmbedding(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ImageDecodeLimits>().BindConfiguration(ImageDecodeLimits.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Manifests.ModelsOptions>().BindConfiguration(Manifests.ModelsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ImagePipeline(sp.GetRequiredService<IOptions<ImageDecodeLimits>>().Value));
        return services;
    }

    /// <summary>
    /// Registers a model under <paramref name="key"/> (e.g. <c>teacher</c>, <c>student</c>) as keyed singletons
    /// <see cref="OnnxEmbedder"/> and <see cref="ImageEmbedder"/>. The model loads, and is verified, on first use.
    /// </summary>
    public static IServiceCollection AddOnnxEmbedder(this IServiceCollection services, string key, string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        services.AddKeyedSingleton(key, (sp, _) => OnnxEmbedder.Load(manifestPath,
            sp.GetRequiredService<IOptions<InferenceOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger<OnnxEmbedder>()));
        services.AddKeyedSingleton(key, (sp, k) => new ImageEmbedder(
            sp.GetRequiredService<ImagePipeline>(), sp.GetRequiredKeyedService<OnnxEmbedder>(k)));
        return services;
    }
}

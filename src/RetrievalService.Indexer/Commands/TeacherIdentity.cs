using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Commands;

/// <summary>The teacher's model id from its manifest alone, so maintenance commands never load the ONNX graph.</summary>
internal static class TeacherIdentity
{
    public static string ModelId(IServiceProvider services, string? explicitModel)
    {
        if (!string.IsNullOrWhiteSpace(explicitModel))
        {
            return explicitModel;
        }
        var options = services.GetRequiredService<IOptions<IndexingOptions>>().Value;
        return ModelManifestJson.Load(TeacherManifestPath.Resolve(options.TeacherManifest)).Id;
    }
}

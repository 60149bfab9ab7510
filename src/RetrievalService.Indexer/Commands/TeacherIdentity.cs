using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Indexer.Commands;

/// <summary>The model whose gallery a maintenance command works on: the one given, else the teacher (never loaded).</summary>
internal static class TeacherIdentity
{
    public static string ModelId(IServiceProvider services, string? explicitModel) =>
        string.IsNullOrWhiteSpace(explicitModel) ? services.GetRequiredService<IOptions<ModelsOptions>>().Value.Teacher : explicitModel;
}

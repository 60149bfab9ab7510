using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Bench;

/// <summary>A model found under models/: its manifest, the manifest's path and the ONNX file it names.</summary>
internal sealed record CatalogEntry(ModelManifest Manifest, string ManifestPath, string OnnxPath);

/// <summary>Finds the models to benchmark: every manifest in a folder, the teacher first.</summary>
internal static class ModelCatalog
{
    public static IReadOnlyList<CatalogEntry> Load(DirectoryInfo folder)
    {
        if (!folder.Exists)
        {
            throw new DirectoryNotFoundException($"Models folder '{folder.FullName}' does not exist; run scripts/setup.sh or pass --models.");
        }
        return folder.GetFiles("*" + ModelManifestJson.Suffix)
            .Select(file => (Manifest: ModelManifestJson.Load(file.FullName), Path: file.FullName))
            .Select(m => new CatalogEntry(m.Manifest, m.Path, ModelManifestJson.OnnxPath(m.Manifest, m.Path)))
            .OrderBy(e => e.Manifest.Role)
            .ThenBy(e => e.Manifest.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The models in <paramref name="folder"/> whose ids are in <paramref name="ids"/>, or all of them when it is empty (<c>--only</c>).</summary>
    public static IReadOnlyList<CatalogEntry> Load(DirectoryInfo folder, IReadOnlyCollection<string> ids) =>
        [.. Load(folder).Where(e => ids.Count == 0 || ids.Contains(e.Manifest.Id, StringComparer.Ordinal))];

    /// <summary>
    /// models/ of the repository that contains the current directory, so the bench works from the root or from
    /// its own folder; falls back to ./models.
    /// </summary>
    public static string DefaultModelsDir()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }
        return "models";
    }
}

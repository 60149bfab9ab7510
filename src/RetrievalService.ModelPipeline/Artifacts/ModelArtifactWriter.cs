using Onnx;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Artifacts;

/// <summary>Writes a model and its manifest side by side under the models folder.</summary>
public static class ModelArtifactWriter
{
    /// <summary>
    /// Saves <paramref name="model"/> as <c>{id}.onnx</c> and <c>{id}.manifest.json</c>; the manifest is
    /// completed with the file name and SHA-256 of the bytes actually written.
    /// </summary>
    public static (string OnnxPath, string ManifestPath) Write(ModelProto model, ModelManifest manifest, string modelsDir)
    {
        var onnxPath = Path.Combine(modelsDir, manifest.Id + ".onnx");
        OnnxFiles.Save(model, onnxPath);
        var manifestPath = ManifestPath(modelsDir, manifest.Id);
        var completed = manifest with { OnnxFile = Path.GetFileName(onnxPath), Sha256 = FileHashes.Sha256(onnxPath) };
        ModelManifestJson.Save(completed, manifestPath);
        return (onnxPath, manifestPath);
    }

    public static string ManifestPath(string modelsDir, string id) => Path.Combine(modelsDir, id + ModelManifestJson.Suffix);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetrievalService.Embedding.Manifests;

/// <summary>Reads and writes manifests as indented camelCase JSON.</summary>
public static class ModelManifestJson
{
    /// <summary>File-name suffix of a manifest; <c>teacher.onnx</c> pairs with <c>teacher.manifest.json</c>.</summary>
    public const string Suffix = ".manifest.json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Manifests are read by people: keep ×, → and + as written.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ModelManifest Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ModelManifest>(stream, Options)
                ?? throw new InvalidModelManifestException(path, "the file is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidModelManifestException(path, e.Message, e);
        }
    }

    public static void Save(ModelManifest manifest, string path)
    {
        var json = JsonSerializer.Serialize(manifest, Options);
        File.WriteAllText(path, json + "\n");
    }

    /// <summary>The ONNX file a manifest describes, resolved against the manifest's folder.</summary>
    public static string OnnxPath(ModelManifest manifest, string manifestPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, manifest.OnnxFile);
}

public sealed class InvalidModelManifestException(string path, string reason, Exception? inner = null)
    : Exception($"Model manifest '{path}' is invalid: {reason}", inner);

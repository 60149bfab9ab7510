using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Samples.OnDeviceSearch;

/// <summary>
/// Fetches a served query model into a cache folder: its manifest from <c>GET /models/{id}</c> and its ONNX file from the
/// URL it names, downloaded only when the cached copy's SHA-256 differs (the file of an id never changes).
/// </summary>
internal static class ModelDownload
{
    /// <summary>The path of the cached manifest of <paramref name="id"/>, or of the API's default query model when null.</summary>
    public static async Task<string> EnsureAsync(HttpClient http, string? id, string cache)
    {
        id ??= await DefaultModelAsync(http);
        using var detail = JsonDocument.Parse(await http.GetStringAsync($"/models/{Uri.EscapeDataString(id)}"));
        var manifest = detail.RootElement.GetProperty("manifest").Deserialize<ModelManifest>(ModelManifestJson.Options)
            ?? throw new InvalidDataException($"The API sent no manifest for '{id}'.");
        Directory.CreateDirectory(cache);
        var manifestPath = Path.Combine(cache, manifest.Id + ModelManifestJson.Suffix);
        ModelManifestJson.Save(manifest, manifestPath);
        var onnx = ModelManifestJson.OnnxPath(manifest, manifestPath);
        if (!File.Exists(onnx) || !string.Equals(await Sha256Async(onnx), manifest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            await using var download = await http.GetStreamAsync(detail.RootElement.GetProperty("onnxUrl").GetString());
            await using var file = File.Create(onnx);
            await download.CopyToAsync(file);
        }
        return manifestPath;
    }

    private static async Task<string> DefaultModelAsync(HttpClient http)
    {
        var models = await http.GetFromJsonAsync<JsonElement>("/models");
        return models.GetProperty("students").EnumerateArray().First(s => s.GetProperty("default").GetBoolean()).GetProperty("id").GetString()!;
    }

    private static async Task<string> Sha256Async(string path)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
    }
}

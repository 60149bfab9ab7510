using System.Text.Json;
using Microsoft.Playwright;

namespace RetrievalService.WebBench.Browser;

/// <summary>What the page's <c>embedOnDevice</c> answered for one photo: the vector and the device's own times.</summary>
internal sealed record OnDeviceEmbedding(string Model, float[] Embedding, double PreprocessMs, double InferenceMs, string Size);

/// <summary>
/// Calls the page's own module (<c>/js/embedding/on-device-embedder.js</c>) inside the page, so the bench times exactly
/// what the Search view runs: the same decode, preprocessing port, onnxruntime-web build and model cache.
/// </summary>
internal sealed class OnDeviceEmbedder(IPage page)
{
    // The photo crosses the DevTools protocol as base64 and becomes a Blob again, as a file input would hand it over;
    // embedOnDevice times its own work, so the transfer is not counted.
    private const string Script = """
        async ({ base64, type, model }) => {
          const { embedOnDevice } = await import('/js/embedding/on-device-embedder.js');
          const binary = atob(base64);
          const bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
          }
          return embedOnDevice(new Blob([bytes], { type }), model);
        }
        """;

    // The same module instance the page imported (one module map per page), so its wasm runtime and models are shared.
    private const string RuntimeVersionScript = """
        async () => (await import('/vendor/ort/ort.wasm.min.mjs')).env.versions?.web ?? 'unknown'
        """;

    public async Task<OnDeviceEmbedding> EmbedAsync(byte[] photo, string mediaType, string model)
    {
        var answer = await page.EvaluateAsync<JsonElement>(Script, new { base64 = Convert.ToBase64String(photo), type = mediaType, model });
        return new OnDeviceEmbedding(
            answer.GetProperty("model").GetString()!,
            [.. answer.GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle())],
            answer.GetProperty("preprocessMs").GetDouble(),
            answer.GetProperty("inferenceMs").GetDouble(),
            answer.GetProperty("size").GetString()!);
    }

    /// <summary>The onnxruntime-web version the page actually loads from <c>/vendor/ort/</c>.</summary>
    public Task<string> RuntimeVersionAsync() => page.EvaluateAsync<string>(RuntimeVersionScript);
}

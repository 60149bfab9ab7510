using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Embedding.Inference;

/// <summary>
/// One verified ONNX embedding model and its single shared <see cref="InferenceSession"/>. Thread-safe:
/// ONNX Runtime allows concurrent <c>Run</c> calls on one session. Dispose only when no call is in flight.
/// </summary>
public sealed partial class OnnxEmbedder : IDisposable
{
    private readonly InferenceSession session;
    private readonly string[] inputNames;
    private readonly string[] outputNames;

    private OnnxEmbedder(InferenceSession session, ModelManifest manifest, ExecutionProviderKind provider)
    {
        this.session = session;
        Manifest = manifest;
        ExecutionProvider = provider;
        inputNames = [manifest.Input.Name];
        outputNames = [manifest.Output.Name];
    }

    /// <summary>The manifest the model was verified against.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The provider actually in use, after any CUDA → CPU fallback.</summary>
    public ExecutionProviderKind ExecutionProvider { get; }

    /// <summary>Length of every vector this model returns.</summary>
    public int Dimension => Manifest.Output.Dimension;

    /// <summary>Loads the manifest at <paramref name="manifestPath"/> and the ONNX file it names.</summary>
    /// <exception cref="ModelRejectedException">The file is missing, its SHA-256 differs, or the graph disagrees with the manifest.</exception>
    public static OnnxEmbedder Load(string manifestPath, InferenceOptions options, ILogger? logger = null)
    {
        var manifest = ModelManifestJson.Load(manifestPath);
        return Load(manifest, ModelManifestJson.OnnxPath(manifest, manifestPath), options, logger);
    }

    /// <summary>Loads <paramref name="onnxPath"/>, verified against <paramref name="manifest"/>.</summary>
    /// <exception cref="ModelRejectedException">The file is missing, its SHA-256 differs, or the graph disagrees with the manifest.</exception>
    public static OnnxEmbedder Load(ModelManifest manifest, string onnxPath, InferenceOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = Stopwatch.GetTimestamp();
        ModelContract.VerifyConvention(manifest);
        if (!File.Exists(onnxPath))
        {
            throw new ModelRejectedException(manifest.Id, $"the ONNX file '{onnxPath}' does not exist.");
        }
        // Hash and load the same bytes, so the file cannot change between the check and the load.
        return Verified(manifest, File.ReadAllBytes(onnxPath), onnxPath, options, logger ?? NullLogger.Instance, started);
    }

    /// <summary>Loads a model held in memory (one just exported, say), verified against <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The manifest; its SHA-256 must be that of <paramref name="model"/>.</param>
    /// <param name="model">The ONNX bytes.</param>
    /// <param name="source">What to call the model in errors, in place of a file name.</param>
    /// <param name="options">Provider and threads.</param>
    /// <param name="logger">Receives the load line.</param>
    /// <exception cref="ModelRejectedException">The SHA-256 differs, or the graph disagrees with the manifest.</exception>
    public static OnnxEmbedder Load(ModelManifest manifest, byte[] model, string source, InferenceOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = Stopwatch.GetTimestamp();
        ModelContract.VerifyConvention(manifest);
        return Verified(manifest, model, source, options, logger ?? NullLogger.Instance, started);
    }

    private static OnnxEmbedder Verified(ModelManifest manifest, byte[] bytes, string source, InferenceOptions options, ILogger logger, long started)
    {
        ModelContract.VerifySha256(bytes, manifest, source);
        var (session, provider) = SessionFactory.Create(bytes, manifest, options, logger);
        var embedder = new OnnxEmbedder(session, manifest, provider);
        try
        {
            ModelContract.VerifyGraph(session, manifest);
            embedder.Probe();
        }
        catch
        {
            embedder.Dispose();
            throw;
        }
        EmbedderLog.Loaded(logger, manifest.Id, manifest.Output.Dimension, provider,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return embedder;
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();
}

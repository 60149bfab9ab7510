using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Embedding.Inference;

/// <summary>
/// Creates the one <see cref="InferenceSession"/> of a model, trying CUDA when asked. A CPU-only build throws
/// <see cref="EntryPointNotFoundException"/> from <c>AppendExecutionProvider_CUDA</c>; a GPU build without CUDA
/// libraries or devices throws <see cref="OnnxRuntimeException"/> (docs/platform.md#onnx-runtime-cpu-or-cuda). Either way: one log line, CPU.
/// </summary>
internal static class SessionFactory
{
    public static (InferenceSession Session, ExecutionProviderKind Provider) Create(
        byte[] model, ModelManifest manifest, InferenceOptions options, ILogger logger)
    {
        if (options.ExecutionProvider != ExecutionProviderKind.Cpu)
        {
            try
            {
                return (CreateSession(model, manifest, options, cuda: true), ExecutionProviderKind.Cuda);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or OnnxRuntimeException or DllNotFoundException)
            {
                if (options.ExecutionProvider == ExecutionProviderKind.Cuda)
                {
                    EmbedderLog.CudaUnavailable(logger, manifest.Id, options.DeviceId, e);
                }
                else
                {
                    EmbedderLog.AutoFellBackToCpu(logger, manifest.Id, e);
                }
            }
        }
        return (CreateSession(model, manifest, options, cuda: false), ExecutionProviderKind.Cpu);
    }

    private static InferenceSession CreateSession(byte[] model, ModelManifest manifest, InferenceOptions options, bool cuda)
    {
        // ORT copies what it needs from the options when the session is created.
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (cuda)
        {
            sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
            return new InferenceSession(model, sessionOptions);
        }
        try
        {
            return new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelRejectedException(manifest.Id, $"ONNX Runtime cannot load the graph: {e.Message}", e);
        }
    }
}

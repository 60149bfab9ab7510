using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Embedding.Inference;

/// <summary>How ONNX Runtime sessions are created. One session per model is shared by all callers.</summary>
public sealed record InferenceOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Embedding:Inference";

    /// <summary>
    /// Requested provider; <see cref="OnnxEmbedder.ExecutionProvider"/> says which one is in use. Auto by default in every
    /// host, so the indexer and <c>POST /index</c> embed a gallery on the same device a GPU build offers.
    /// </summary>
    public ExecutionProviderKind ExecutionProvider { get; init; } = ExecutionProviderKind.Auto;

    /// <summary>Threads inside one operator; 0 lets ONNX Runtime pick (one per physical core).</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; init; }

    /// <summary>Threads across independent operators; 0 lets ONNX Runtime pick. Only matters for parallel graphs.</summary>
    [Range(0, 1024)]
    public int InterOpThreads { get; init; }

    /// <summary>CUDA device ordinal; ignored on CPU.</summary>
    [Range(0, 1024)]
    public int DeviceId { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming every out-of-range value.</summary>
    public void Validate()
    {
        (string Name, int Value)[] counts =
            [(nameof(IntraOpThreads), IntraOpThreads), (nameof(InterOpThreads), InterOpThreads), (nameof(DeviceId), DeviceId)];
        var invalid = counts.Where(c => c.Value is < 0 or > 1024).Select(c => $"{c.Name}={c.Value}").ToList();
        if (!Enum.IsDefined(ExecutionProvider))
        {
            invalid.Add($"{nameof(ExecutionProvider)}={ExecutionProvider}");
        }
        if (invalid.Count > 0)
        {
            throw new ArgumentException($"Invalid inference options: {string.Join(", ", invalid)} (threads and device id are 0..1024).");
        }
    }
}

namespace RetrievalService.Embedding.Inference;

/// <summary>Wall-clock time of each stage of one embedding, in milliseconds.</summary>
/// <param name="DecodeMs">Identify, decode, EXIF orientation and alpha compositing.</param>
/// <param name="PreprocessMs">Resize and NCHW layout.</param>
/// <param name="EmbedMs">ONNX Runtime inference.</param>
public sealed record EmbeddingTimings(double DecodeMs, double PreprocessMs, double EmbedMs)
{
    /// <summary>Sum of the three stages.</summary>
    public double TotalMs => DecodeMs + PreprocessMs + EmbedMs;
}

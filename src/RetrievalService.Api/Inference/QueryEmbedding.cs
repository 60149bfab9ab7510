namespace RetrievalService.Api.Inference;

/// <summary>A query image embedded by one model, with the time spent in each stage.</summary>
/// <param name="Vector">Unit vector in the teacher's space.</param>
/// <param name="ModelId">The model that embedded the query.</param>
/// <param name="DecodeMs">Identify, decode, orientation, compositing and resizing.</param>
/// <param name="EmbedMs">Waiting in the batching queue plus inference.</param>
public sealed record QueryEmbedding(float[] Vector, string ModelId, double DecodeMs, double EmbedMs);

namespace RetrievalService.Embedding.Images;

/// <summary>An opaque 8-bit colour.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B);

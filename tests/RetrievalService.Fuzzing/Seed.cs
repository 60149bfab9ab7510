namespace RetrievalService.Fuzzing;

/// <summary>One valid image the engine starts from: <paramref name="Name"/> says which photo and which encoding.</summary>
public sealed record Seed(string Name, ImageFormatKind Format, byte[] Bytes);

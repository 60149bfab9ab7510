namespace RetrievalService.Fuzzing;

/// <summary>
/// One fuzz input. <see cref="Label"/> names the seed and every mutation applied, in order; together with the
/// engine seed, <see cref="Index"/> regenerates the same bytes (<c>fuzz-bench --seed S --replay INDEX</c>).
/// </summary>
public sealed record Mutant(long Index, string Label, byte[] Bytes);

namespace RetrievalService.Fuzzing;

/// <summary>The bytes a mutation produced and a label that says what it did (no tabs or newlines).</summary>
public readonly record struct Mutated(byte[] Bytes, string Label);

/// <summary>
/// Changes <paramref name="input"/> (never in place) using only <paramref name="random"/> for its choices, so a
/// mutant is reproducible from its seed; returns null when the input lacks the structure the mutation edits.
/// </summary>
public delegate Mutated? Mutation(byte[] input, Random random);

namespace RetrievalService.Training.Data;

/// <summary>An anchor query and one positive of its instance, before negatives are mined.</summary>
/// <param name="Query">Query index of the training split.</param>
/// <param name="Positive">Gallery index of a positive (easy or hard) of that query.</param>
public readonly record struct QueryPositivePair(int Query, int Positive);

/// <summary>A training tuple (docs/method.md#losses): anchor query, one positive, n negatives of other instances.</summary>
/// <param name="Query">Query index of the training split (the anchor).</param>
/// <param name="Positive">Gallery index of the positive.</param>
/// <param name="Negatives">Gallery indices of the negatives, hardest first, at most one per instance.</param>
public sealed record TrainingTuple(int Query, int Positive, IReadOnlyList<int> Negatives);

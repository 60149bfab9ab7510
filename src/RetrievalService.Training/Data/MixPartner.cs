using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Training.Data;

/// <summary>The second image of a mixup input (<see cref="Mixup"/>) and its weight in the blend.</summary>
public readonly record struct MixPartner(ImageJob Job, float Weight);

namespace RetrievalService.Storage.Model;

/// <summary>The teacher whose gallery answers searches, and the one it replaced.</summary>
/// <param name="ModelId">The live teacher.</param>
/// <param name="PreviousModelId">The teacher that was live before the last switch; null when none was.</param>
/// <param name="SwitchedAt">When it became live.</param>
public sealed record LiveGallery(string ModelId, string? PreviousModelId, DateTimeOffset SwitchedAt);

using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Models;

/// <summary>A measurement of the served galleries: their sizes and, during an upgrade, how far the rebuilt one has come.</summary>
/// <param name="Images">Images per served teacher's gallery; a gallery not created yet is absent.</param>
/// <param name="Upgrade">The rebuilt gallery against the live one; null when no upgrade is pending.</param>
/// <param name="MeasuredAt">When it was measured.</param>
public sealed record GalleryProgress(IReadOnlyDictionary<string, long> Images, GalleryComparison? Upgrade, DateTimeOffset MeasuredAt);

using System.Text.Json;
using System.Text.Json.Nodes;
using RetrievalService.Storage.Model;

namespace RetrievalService.Indexing.Stages;

/// <summary>
/// Checks an item before any decoding, so a bad id or metadata is reported as that item's rejection instead of
/// failing the whole batch inside the store's validation.
/// </summary>
internal static class ItemChecks
{
    // Mirrors the store's limit on Source (ItemValidation.MaxSourceLength, internal to the storage library).
    public const int MaxSourceLength = 4096;

    /// <summary>Null when the item is acceptable, else its rejection; <paramref name="metadata"/> is the object to store.</summary>
    public static IndexItemResult? Check(string id, string source, JsonElement? element, out JsonObject? metadata)
    {
        metadata = null;
        if (GalleryIds.Check(id) is { } idProblem)
        {
            return IndexItemResult.Rejected(id ?? "", RejectionCodes.InvalidId, $"Invalid gallery id: {idProblem}.");
        }
        if (string.IsNullOrEmpty(source) || source.Length > MaxSourceLength)
        {
            return IndexItemResult.Rejected(id, RejectionCodes.InvalidSource, $"The source must have 1..{MaxSourceLength} characters.");
        }
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            return IndexItemResult.Rejected(id, RejectionCodes.InvalidMetadata,
                $"Metadata must be a JSON object, not {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
        if (StorableJson.Problem(value) is { } problem)
        {
            return IndexItemResult.Rejected(id, RejectionCodes.InvalidMetadata, $"The metadata {problem}.");
        }
        metadata = JsonObject.Create(value);
        return null;
    }

    public static IndexItemResult Duplicate(string id) =>
        IndexItemResult.Rejected(id, RejectionCodes.DuplicateId, "The id occurs earlier in the same input; only its first occurrence is indexed.");
}

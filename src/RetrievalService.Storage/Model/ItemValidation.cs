using RetrievalService.Storage.Errors;

namespace RetrievalService.Storage.Model;

/// <summary>Checks done before any SQL is sent, so a bad item fails with its id and reason, not a SQL error.</summary>
internal static class ItemValidation
{
    public const int MaxSourceLength = 4096;

    public static void ModelId(string modelId)
    {
        if (GalleryIds.CheckModelId(modelId) is { } reason)
        {
            throw new InvalidGalleryItemException(null, reason);
        }
    }

    public static void Id(string id)
    {
        if (GalleryIds.Check(id) is { } reason)
        {
            throw new InvalidGalleryItemException(null, $"invalid gallery id: {reason}");
        }
    }

    public static void Item(GalleryModel model, GalleryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Id(item.Id);
        if (item.ContentSha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidGalleryItemException(item.Id, "ContentSha256 must be 64 lower-case hex digits");
        }
        if (string.IsNullOrEmpty(item.Source) || item.Source.Length > MaxSourceLength)
        {
            throw new InvalidGalleryItemException(item.Id, $"Source must have 1..{MaxSourceLength} characters");
        }
        Vector(model, item.Embedding.Span, item.Id);
    }

    /// <summary>
    /// Same dimension as the model, finite, and not all zeros (cosine distance is undefined for a zero vector);
    /// a half-precision model also needs values that fit a half.
    /// </summary>
    public static void Vector(GalleryModel model, ReadOnlySpan<float> vector, string? itemId)
    {
        if (vector.Length != model.Dimension)
        {
            throw new DimensionMismatchException(model.ModelId, model.Dimension, vector.Length);
        }
        var limit = model.Kind == VectorKind.HalfVector ? (float)Half.MaxValue : float.MaxValue;
        var nonZero = false;
        foreach (var x in vector)
        {
            if (!float.IsFinite(x) || Math.Abs(x) > limit)
            {
                throw new InvalidGalleryItemException(itemId, $"the vector has a non-finite or out-of-range value ({x})");
            }
            nonZero |= x != 0;
        }
        if (!nonZero)
        {
            throw new InvalidGalleryItemException(itemId, "the vector is all zeros");
        }
    }
}

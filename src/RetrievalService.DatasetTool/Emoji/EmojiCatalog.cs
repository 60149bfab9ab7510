using System.Text.Json;

namespace RetrievalService.DatasetTool.Emoji;

/// <summary>Reads <c>emoji.json</c> (emoji-datasource): the emoji every requested vendor has drawn.</summary>
public static class EmojiCatalog
{
    /// <summary>
    /// Image file names (e.g. <c>1f600.png</c>) of top-level entries with <c>has_img_&lt;vendor&gt;</c> true for
    /// every vendor, ordinal order. Skin-tone variants live under <c>skin_variations</c> and are not read: they
    /// would be near-copies of their base emoji as separate instances.
    /// </summary>
    public static IReadOnlyList<string> DrawnByAll(string emojiJsonPath, IReadOnlyList<string> vendors)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(emojiJsonPath));
        return [.. document.RootElement.EnumerateArray()
            .Where(entry => vendors.All(v => entry.TryGetProperty($"has_img_{v}", out var flag) && flag.ValueKind == JsonValueKind.True))
            .Select(entry => entry.GetProperty("image").GetString() ?? throw new InvalidDataException($"{emojiJsonPath}: entry without 'image'."))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}

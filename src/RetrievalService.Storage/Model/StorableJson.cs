using System.Globalization;
using System.Text.Json;

namespace RetrievalService.Storage.Model;

/// <summary>
/// What valid JSON PostgreSQL's <c>jsonb</c> still refuses: the character U+0000 in a key or string (error 22P05), text
/// with an unpaired UTF-16 surrogate (no UTF-8 form), and numbers beyond <c>numeric</c>'s range or with more digits
/// after the decimal point than it keeps (error 22003); and
/// nesting deeper than <see cref="MaxDepth"/>, which jsonb keeps but the answers that embed metadata could not be
/// written with. Metadata and filters are checked here first, so such input is the client's mistake (a 4xx), never a
/// database error or a failing read.
/// </summary>
public static class StorableJson
{
    /// <summary>Largest decimal exponent accepted in a number: far inside <c>numeric</c>'s limits and any real use.</summary>
    public const int MaxExponent = 1000;

    /// <summary>Most digits after the decimal point that <c>numeric</c> keeps (its display scale is 14 bits).</summary>
    public const int MaxFractionDigits = 16_383;

    /// <summary>
    /// Most levels of objects and arrays, the stored value itself being the first. Answers embed metadata a few levels
    /// down (an image page's items, a search's results) and System.Text.Json reads and writes 64 levels by default, so every
    /// answer holding stored metadata can be written by the service and read by a client left at its defaults.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Null when <paramref name="value"/> can be stored, else what is wrong, as a phrase ("holds …").</summary>
    public static string? Problem(JsonElement value) => Problem(value, 1);

    private static string? Problem(JsonElement value, int depth) => value.ValueKind switch
    {
        JsonValueKind.Object or JsonValueKind.Array when depth > MaxDepth =>
            $"holds objects or arrays nested more than {MaxDepth} levels deep (the outermost object is level 1)",
        JsonValueKind.Object => value.EnumerateObject()
            .Select(property => TextProblem(() => property.Name, "a key") ?? Problem(property.Value, depth + 1))
            .FirstOrDefault(problem => problem is not null),
        JsonValueKind.Array => value.EnumerateArray().Select(item => Problem(item, depth + 1)).FirstOrDefault(problem => problem is not null),
        JsonValueKind.String => TextProblem(() => value.GetString()!, "a string"),
        JsonValueKind.Number => NumberProblem(value.GetRawText()),
        _ => null,
    };

    private static string? TextProblem(Func<string> read, string what)
    {
        string text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json cannot turn an escaped lone surrogate into a .NET string.
            return $"holds {what} with an unpaired UTF-16 surrogate";
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return $"holds {what} with the character U+0000, which PostgreSQL cannot store";
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return $"holds {what} with an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    private static string? NumberProblem(string raw)
    {
        var exponentAt = raw.IndexOfAny(['e', 'E']);
        var exponent = 0;
        var exponentOk = exponentAt < 0
            || (int.TryParse(raw.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                && Math.Abs(exponent) <= MaxExponent);
        // A finite double has at most 309 digits before the point, far inside numeric's 131,072.
        var finite = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
        if (!exponentOk || !finite)
        {
            return $"holds the number {Clip(raw)}, outside the range that can be stored";
        }
        var pointAt = raw.IndexOf('.', StringComparison.Ordinal);
        var fractionDigits = pointAt < 0 ? 0 : (exponentAt < 0 ? raw.Length : exponentAt) - pointAt - 1;
        // numeric keeps every digit after the point as written, trailing zeros included, once the exponent has moved it.
        return fractionDigits - exponent <= MaxFractionDigits
            ? null
            : $"holds the number {Clip(raw)}, with more than {MaxFractionDigits} digits after the decimal point";
    }

    private static string Clip(string raw) => raw.Length <= 32 ? raw : raw[..32] + "…";
}

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// The shape check every whole-number parameter gets before .NET parses it: .NET's integer parsers accept trailing
/// U+0000 characters ("5\0" reads as 5), so "digits and nothing else" must be checked apart.
/// </summary>
internal static class WholeNumber
{
    /// <summary>Whether <paramref name="value"/> is 1..19 ASCII digits after an optional leading sign, and nothing else.</summary>
    public static bool IsWellFormed(string value)
    {
        var digits = value.AsSpan(value is ['-' or '+', ..] ? 1 : 0);
        return digits.Length is > 0 and <= 19 && !digits.ContainsAnyExcept("0123456789");
    }
}

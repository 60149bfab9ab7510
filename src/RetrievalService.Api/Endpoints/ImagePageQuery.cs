using System.Globalization;
using RetrievalService.Api.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>The query of <c>GET /images</c>: <c>limit</c> (1..<see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>) and <c>after</c> (an id).</summary>
internal static class ImagePageQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <exception cref="ApiProblemException">400 <c>invalid-page</c>.</exception>
    public static (int Limit, string? After) Parse(IQueryCollection query)
    {
        var limit = DefaultLimit;
        if (Single(query, "limit") is { } text
            && (!WholeNumber.IsWellFormed(text) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit)
                || limit is < 1 or > MaxLimit))
        {
            throw Invalid($"limit must be a whole number between 1 and {MaxLimit}. Got limit={Clip(text)}.");
        }
        var after = Single(query, "after");
        if (after is not null && GalleryIds.Check(after) is { } reason)
        {
            throw Invalid($"after must be a gallery id (the 'next' of the previous page): {reason}.");
        }
        return (limit, after);
    }

    private static string? Single(IQueryCollection query, string name) => query[name].Count switch
    {
        0 => null,
        1 => query[name][0] ?? "",
        _ => throw Invalid($"{name} is given {query[name].Count} times; give it once."),
    };

    private static ApiProblemException Invalid(string detail) => ApiProblemException.BadRequest(ProblemCodes.InvalidPage, detail);

    private static string Clip(string text) => text.Length <= 32 ? text : text[..32] + "…";
}

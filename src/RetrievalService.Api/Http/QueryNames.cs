using RetrievalService.Api.Errors;

namespace RetrievalService.Api.Http;

/// <summary>Query strings of endpoints that read theirs by hand: a misspelt name is refused rather than silently ignored.</summary>
internal static class QueryNames
{
    /// <summary>Throws 400 <c>unknown-field</c> for the first name of <paramref name="query"/> (case aside) that <paramref name="allowed"/> lacks.</summary>
    /// <param name="query">The request's query string.</param>
    /// <param name="allowed">The names the endpoint reads.</param>
    /// <param name="endpoint">How the message names the endpoint, e.g. <c>/search</c>.</param>
    public static void RefuseUnknown(IQueryCollection query, IReadOnlyCollection<string> allowed, string endpoint)
    {
        if (query.Keys.FirstOrDefault(key => !allowed.Contains(key, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            var shown = unknown.Length <= 40 ? unknown : unknown[..40] + "…";
            throw ApiProblemException.BadRequest(ProblemCodes.UnknownField,
                $"Unknown query parameter '{shown}'; {endpoint} takes {string.Join(", ", allowed.Select(n => $"'{n}'"))}.");
        }
    }
}

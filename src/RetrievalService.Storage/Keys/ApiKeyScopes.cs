namespace RetrievalService.Storage.Keys;

/// <summary>What a key may do. Scopes are independent: <c>admin</c> does not imply <c>search</c> or <c>index</c>.</summary>
public static class ApiKeyScopes
{
    /// <summary><c>POST /search</c>.</summary>
    public const string Search = "search";

    /// <summary><c>POST /index</c>.</summary>
    public const string Index = "index";

    /// <summary>Deleting images, metrics, and everything else that changes or reveals the service rather than the gallery.</summary>
    public const string Admin = "admin";

    /// <summary>Every scope, in the order they are listed.</summary>
    public static IReadOnlyList<string> All { get; } = [Search, Index, Admin];

    /// <summary>The distinct scopes of a comma-separated list, in <see cref="All"/>'s order.</summary>
    /// <exception cref="InvalidApiKeyRequestException">The list is empty or names an unknown scope.</exception>
    public static IReadOnlyList<string> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return Normalize(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The distinct scopes of <paramref name="scopes"/>, in <see cref="All"/>'s order.</summary>
    /// <exception cref="InvalidApiKeyRequestException">There is none, or one is null or not exactly a known scope.</exception>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var named = scopes.ToList();
        // A JSON body can hold null where a scope belongs; it names no scope, so it must not be dropped in silence.
        if (named.Any(s => s is null))
        {
            throw new InvalidApiKeyRequestException($"A scope is null; scopes are {string.Join(", ", All)}.");
        }
        if (named.FirstOrDefault(s => !All.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            throw new InvalidApiKeyRequestException($"Unknown scope '{unknown}'; scopes are {string.Join(", ", All)}.");
        }
        if (named.Count == 0)
        {
            throw new InvalidApiKeyRequestException($"A key needs at least one scope of {string.Join(", ", All)}.");
        }
        return All.Where(named.Contains).ToList();
    }
}

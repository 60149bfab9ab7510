using System.Text.Json;

namespace RetrievalService.Api.Http;

/// <summary>
/// How the API reads the JSON a client sends. An object that names a key twice is refused: System.Text.Json would keep
/// the last value in silence, so the server could act on another value than the client's code or a proxy's check saw.
/// </summary>
internal static class ClientJson
{
    /// <summary>System.Text.Json's default nesting limit.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>For request types: the web defaults (camelCase, case-insensitive names).</summary>
    public static JsonSerializerOptions Serializer { get; } = new(JsonSerializerOptions.Web) { AllowDuplicateProperties = false };

    /// <exception cref="JsonException">Not JSON, nested deeper than <paramref name="maxDepth"/>, or a key repeated in an object.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, int maxDepth = DefaultMaxDepth) =>
        Parse(() => JsonDocument.Parse(utf8Json, Options(maxDepth)));

    /// <exception cref="JsonException">Not JSON, nested deeper than <paramref name="maxDepth"/>, or a key repeated in an object.</exception>
    public static JsonDocument Parse(string json, int maxDepth = DefaultMaxDepth) =>
        Parse(() => JsonDocument.Parse(json, Options(maxDepth)));

    private static JsonDocumentOptions Options(int maxDepth) => new() { MaxDepth = maxDepth, AllowDuplicateProperties = false };

    private static JsonDocument Parse(Func<JsonDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (InvalidOperationException e)
        {
            // To compare keys System.Text.Json unescapes them, and an escaped unpaired surrogate has no string form.
            throw new JsonException("A key holds an escaped unpaired UTF-16 surrogate.", e);
        }
    }
}

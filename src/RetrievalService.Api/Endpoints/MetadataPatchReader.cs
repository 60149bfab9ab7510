using System.Text.Json;
using System.Text.Json.Nodes;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Http;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>Reads <c>PATCH /images/{id}</c>'s body, <c>{"metadata": {…}}</c>, under the rules <c>POST /index</c> applies to metadata.</summary>
internal static class MetadataPatchReader
{
    private const string Example = """{"metadata":{"kind":"shoe","color":"red"}}""";

    /// <exception cref="ApiProblemException">415 not JSON, 413 too large, 400 <c>invalid-metadata</c>.</exception>
    public static async Task<JsonObject> ReadAsync(HttpRequest request, int maxMetadataChars, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw ApiProblemException.UnsupportedMediaType($"Content type '{request.ContentType}' is not accepted here; send application/json such as {Example}.");
        }
        // A character takes at most 4 bytes in UTF-8, so a body of allowed metadata always fits.
        var bytes = await RequestBodies.ReadAllAsync(request, 4L * maxMetadataChars + 1024, cancellationToken);
        using var document = Parse(bytes);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => p.Name != "metadata")
            || !root.TryGetProperty("metadata", out var metadata))
        {
            throw Invalid($"The body must be a JSON object with the one property 'metadata', such as {Example}.");
        }
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"'metadata' must be a JSON object, not {metadata.ValueKind.ToString().ToLowerInvariant()} (send {{}} to clear it).");
        }
        var text = metadata.GetRawText();
        if (text.Length > maxMetadataChars)
        {
            throw Invalid($"'metadata' has {text.Length} characters; at most {maxMetadataChars} are allowed.");
        }
        if (StorableJson.Problem(metadata) is { } problem)
        {
            throw Invalid($"The metadata {problem}.");
        }
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonDocument Parse(byte[] bytes)
    {
        try
        {
            return ClientJson.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw Invalid($"The body must be JSON such as {Example}, with no key repeated in an object ({JsonErrorPosition.Describe(e)}).");
        }
    }

    private static ApiProblemException Invalid(string detail) => ApiProblemException.BadRequest(ProblemCodes.InvalidMetadata, detail);
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Http;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// <c>POST /search</c> with a JSON body <c>{"embedding": [...], "model", "k", "mode", "filter", "expand", "after"}</c>: a query the
/// client embedded itself. The parameters other than the vector become form values, so they are checked by the same
/// rules (and the same codes) as with an uploaded image.
/// </summary>
internal static class VectorQueryReader
{
    // A 4096-d vector in JSON is well under 100 KiB; the filter's own limit comes on top.
    private const int MaxVectorJsonBytes = 128 * 1024;

    private static readonly string[] Fields = ["embedding", .. SearchParameterParser.Names];

    /// <summary>Whether the request carries a JSON vector query rather than an image.</summary>
    public static bool Applies(HttpRequest request) => request.HasJsonContentType();

    /// <summary>The vector as sent and the other parameters as form values.</summary>
    /// <exception cref="ApiProblemException">400 <c>invalid-embedding</c> (or <c>unknown-field</c>, or the code of a parameter given twice), 413, 408.</exception>
    public static async Task<(float[] Vector, IFormCollection Parameters)> ReadAsync(HttpRequest request, int maxFilterChars, CancellationToken ct)
    {
        var body = await RequestBodies.ReadAllAsync(request, MaxVectorJsonBytes + 4L * maxFilterChars, ct);
        JsonElement root;
        try
        {
            // Repeated keys are let through here only to be answered with their parameter's code: those of the body
            // below, those inside 'filter' when the filter is read.
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 20 });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw QueryVector.Invalid($"The body is not JSON ({JsonErrorPosition.Describe(e)}); send {{\"embedding\": [0.01, …], \"model\": \"<id>\"}}.");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw QueryVector.Invalid("The body must be a JSON object such as {\"embedding\": [0.01, …], \"model\": \"<id>\", \"k\": 10}.");
        }
        if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !Fields.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.UnknownField,
                $"Unknown field '{unknown}'; a vector query has {string.Join(", ", Fields.Select(f => $"'{f}'"))}.");
        }
        if (root.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw ApiProblemException.BadRequest(repeated.Key == "embedding" ? ProblemCodes.InvalidEmbedding : SearchParameterParser.ParameterCode(repeated.Key),
                $"'{repeated.Key}' is given {repeated.Count()} times in the body; give it once.");
        }
        var vector = root.TryGetProperty("embedding", out var embedding) ? Vector(embedding) : throw QueryVector.Invalid("The body has no 'embedding'.");
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        // null stands for "not given", as it does for the other JSON APIs a client may be written for.
        foreach (var property in root.EnumerateObject().Where(p => p.Name != "embedding" && p.Value.ValueKind != JsonValueKind.Null))
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
        }
        return (vector, new FormCollection(values));
    }

    private static float[] Vector(JsonElement embedding)
    {
        if (embedding.ValueKind != JsonValueKind.Array)
        {
            throw QueryVector.Invalid("'embedding' must be an array of numbers, the query model's output.");
        }
        var vector = new float[embedding.GetArrayLength()];
        var i = 0;
        foreach (var value in embedding.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetSingle(out vector[i]))
            {
                throw QueryVector.Invalid($"'embedding' value {i} is not a number in float range.");
            }
            i++;
        }
        return vector;
    }
}

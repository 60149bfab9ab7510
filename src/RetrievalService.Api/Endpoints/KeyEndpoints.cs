using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Http;
using RetrievalService.Api.Security;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Endpoints;

/// <summary><c>/keys</c>: the API's keys, for holders of the <c>admin</c> scope (the same operations as <c>indexer keys</c>).</summary>
public static class KeyEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>Maps the keys group, behind the admin scope.</summary>
    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapScopedGroup("/keys", "Keys", ApiKeyScopes.Admin);
        group.MapGet("", ListAsync).WithName("ListKeys").WithSummary("Every key, newest first, revoked ones included; never a secret.");
        group.MapGet("/{id}", GetAsync).WithName("GetKey").WithSummary("One key, revoked or not, by id; never its secret (the Location of a created key).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", CreateAsync).WithName("CreateKey").WithSummary("Create a key; the answer is the only place its secret ever appears.")
            .Accepts<CreateKeyRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeKey").WithSummary("Revoke a key (204), or 404 when no active key has that id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>Every key, newest first.</summary>
    public static async Task<Ok<List<KeyResponse>>> ListAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(Response).ToList());

    /// <summary>One key by id, revoked ones included.</summary>
    public static async Task<Results<Ok<KeyResponse>, ProblemHttpResult>> GetAsync(string id, ApiKeyStore keys, CancellationToken cancellationToken) =>
        (await keys.ListAsync(cancellationToken)).FirstOrDefault(k => k.Id == id) is { } key
            ? TypedResults.Ok(Response(key))
            : KeyNotFound($"No key has id '{id}'; GET /keys lists them.");

    /// <summary>Create a key from <c>{"name": …, "scopes": [...]}</c>.</summary>
    public static async Task<Created<CreatedKeyResponse>> CreateAsync(HttpRequest request, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken);
        try
        {
            var (key, secret) = await keys.CreateAsync(body.Name ?? "", body.Scopes ?? [], cancellationToken);
            // The secret must not linger in any cache between here and the client.
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return TypedResults.Created($"/keys/{key.Id}", new CreatedKeyResponse(Response(key), secret.Token));
        }
        catch (InvalidApiKeyRequestException e)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidKeyRequest, e.Message);
        }
    }

    /// <summary>Revoke a key by id.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : KeyNotFound($"No active key has id '{id}'; GET /keys lists them.");

    private static ProblemHttpResult KeyNotFound(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No such key.", detail: detail, extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.KeyNotFound });

    private static async Task<CreateKeyRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw ApiProblemException.UnsupportedMediaType($"Content type '{request.ContentType}' is not accepted here; send application/json.");
        }
        var bytes = await RequestBodies.ReadAllAsync(request, MaxBodyBytes, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<CreateKeyRequest>(bytes, ClientJson.Serializer)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidKeyRequest,
                $"The body must be a JSON object such as {{\"name\":\"mobile app\",\"scopes\":[\"search\"]}}, each property given once ({JsonErrorPosition.Describe(e)}).");
        }
    }

    private static KeyResponse Response(ApiKey key) => new(key.Id, key.Name, key.Scopes, key.CreatedAt, key.RevokedAt);
}

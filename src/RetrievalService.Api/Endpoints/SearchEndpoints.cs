using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Http;
using RetrievalService.Api.Security;
using RetrievalService.Storage.Keys;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary><c>POST /search</c>: nearest gallery images to a query photo.</summary>
public static class SearchEndpoints
{
    /// <summary>Maps the search group, behind the inference admission limit.</summary>
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapScopedGroup("/search", "Search", ApiKeyScopes.Search);
        group.MapPost("", SearchAsync)
            .WithName("Search")
            .WithSummary("Find the gallery images nearest to a query photo.")
            .WithDescription("The image is the multipart field 'image' or the raw body (Content-Type image/*); or, instead of an image, " +
                "a JSON body with the query vector a served query model made on the client ('embedding'). " +
                $"Parameters k ({SearchRequest.MinK}..{SearchRequest.MaxK}, default {SearchParameters.DefaultK}), mode (asymmetric | symmetric), filter (JSON object, containment) and " +
                "expand (0..100: αQE neighbours folded into the query before the final search; 0 for plain k-NN; default " +
                "from the Search:QueryExpansion setting, 0) and model (a served query model's id, GET /models; default Models:Student) " +
                "come from the query string or, with multipart, from form fields.")
            .WithBody(fileFields: [QueryImageReader.ImageField], textFields: [.. SearchParameterParser.Names, QueryImageReader.EmbeddingField], rawImage: true, queryVector: true)
            .WithQueryParameters(
                ("k", JsonSchemaType.Integer, $"Results, {SearchRequest.MinK}..{SearchRequest.MaxK}."),
                ("mode", JsonSchemaType.String, "asymmetric (the query model embeds the photo) or symmetric (the teacher does)."),
                ("filter", JsonSchemaType.String, "A JSON object the results' metadata must contain."),
                ("expand", JsonSchemaType.Integer, "αQE neighbours folded into the query, 0..100."),
                ("model", JsonSchemaType.String, "A served query model's id (GET /models)."),
                ("after", JsonSchemaType.String, "A write position (X-Gallery-Position) the answer must include."))
            .ProducesUploadProblems(decodesImage: true)
            // A query model of the other teacher during an upgrade (409) or of the one a switch replaced (410).
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        return group;
    }

    /// <summary>Find the gallery images nearest to a query photo, or to a query vector the client computed.</summary>
    public static async Task<Ok<SearchResponse>> SearchAsync(
        HttpRequest request, SearchService search, InferenceSlots slots, IOptions<ApiLimitsOptions> limits, IOptions<SearchOptions> options,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (VectorQueryReader.Applies(request))
        {
            // A vector costs no decode and no model: it needs no inference slot, so it is served even when they are all taken.
            var (vector, fields) = await VectorQueryReader.ReadAsync(request, limits.Value.MaxMetadataChars, cancellationToken);
            var vectorParameters = SearchParameterParser.Parse(request.Query, fields, limits.Value.MaxMetadataChars, options.Value.QueryExpansion);
            return TypedResults.Ok(await search.SearchByVectorAsync(vector, vectorParameters, started, cancellationToken));
        }
        slots.ThrowIfFull();
        var (image, formVector, form) = await QueryImageReader.ReadAsync(request, limits.Value.MaxSearchRequestBytes, cancellationToken);
        var parameters = SearchParameterParser.Parse(request.Query, form, limits.Value.MaxMetadataChars, options.Value.QueryExpansion);
        if (formVector is not null)
        {
            return TypedResults.Ok(await search.SearchByVectorAsync(formVector, parameters, started, cancellationToken));
        }
        // The slot is taken only now that the whole body is here: a slow upload holds its connection, not the machine.
        using var slot = await slots.EnterAsync(cancellationToken);
        return TypedResults.Ok(await search.SearchAsync(image, parameters, started, cancellationToken));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Http;
using RetrievalService.Api.Models;
using RetrievalService.Api.Security;
using RetrievalService.Api.Telemetry;
using RetrievalService.Indexing;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Endpoints;

/// <summary><c>POST /index</c>: bulk-index uploaded images with the teacher.</summary>
public static class IndexEndpoints
{
    /// <summary>Maps the index group, behind the inference admission limit.</summary>
    public static RouteGroupBuilder MapIndex(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapScopedGroup("/index", "Index", ApiKeyScopes.Index);
        group.MapPost("", IndexAsync)
            .WithName("Index")
            .WithSummary("Index uploaded images with the teacher; idempotent by id and content hash.")
            .WithDescription("multipart/form-data: images in field 'files' (the file name is the id unless 'ids', a JSON array " +
                "of one id per file, is given); optional 'metadata': JSON object of id → metadata object.")
            .WithBody(fileFields: [IndexFormReader.FilesField], textFields: [IndexFormReader.IdsField, IndexFormReader.MetadataField], rawImage: false)
            // A file that does not decode is that file's rejection in the 200 answer, never a 422.
            .ProducesUploadProblems(decodesImage: false);
        return group;
    }

    /// <summary>
    /// Index uploaded images with the teacher; one outcome per file, 200 even when some are rejected. During a teacher
    /// upgrade the files are indexed into the other served gallery first, then into the live one, whose outcomes answer.
    /// </summary>
    public static async Task<Ok<IndexResponse>> IndexAsync(
        HttpRequest request, Galleries galleries, WritePosition writePosition, InferenceSlots slots, IOptions<ApiLimitsOptions> limits, ApiTelemetry telemetry,
        CancellationToken cancellationToken)
    {
        var options = limits.Value;
        slots.ThrowIfFull();
        var items = await IndexFormReader.ReadAsync(request, options.MaxIndexRequestBytes, options.MaxIndexFiles, options.MaxMetadataChars, cancellationToken);
        // As for /search: the slot is taken once the upload is complete.
        using var slot = await slots.EnterAsync(cancellationToken);
        IReadOnlyList<IndexItemResult> results = [];
        var targets = galleries.WriteTargets;
        using (ApiTelemetry.Source.StartActivity("index")?.SetTag("files", items.Count))
        {
            foreach (var gallery in targets)
            {
                results = await gallery.Indexing.IndexAsync(items, cancellationToken);
            }
        }
        var position = await writePosition.StampAsync(request.HttpContext.Response, cancellationToken);
        var response = new IndexResponse(targets[^1].Teacher.Id, Count(results, IndexItemStatus.Stored), Count(results, IndexItemStatus.Unchanged),
            Count(results, IndexItemStatus.Rejected), results.Select(r => new IndexedItem(r.Id, r.Status, r.Code, r.Reason)).ToList(), position?.ToString());
        telemetry.RecordIndexed("stored", response.Stored);
        telemetry.RecordIndexed("unchanged", response.Unchanged);
        telemetry.RecordIndexed("rejected", response.Rejected);
        return TypedResults.Ok(response);
    }

    private static int Count(IReadOnlyList<IndexItemResult> results, IndexItemStatus status) => results.Count(r => r.Status == status);
}

using Microsoft.AspNetCore.Http.HttpResults;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Http;
using RetrievalService.Api.Models;
using RetrievalService.Api.Security;
using RetrievalService.Storage;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// <c>POST /galleries/{teacher}/live[?from=…]</c>: the admin's switch of a teacher upgrade (the same as <c>indexer gallery switch</c>).
/// Progress is in <c>GET /models</c>.
/// </summary>
public static class GalleryEndpoints
{
    /// <summary>Maps the galleries group, behind the admin scope.</summary>
    public static RouteGroupBuilder MapGalleries(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapScopedGroup("/galleries", "Galleries", ApiKeyScopes.Admin);
        group.MapPost("/{teacher}/live", SwitchAsync).WithName("SwitchLiveGallery")
            .WithSummary("Make this teacher's gallery the one that answers searches, atomically, once it holds exactly the live gallery's images.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>
    /// Switches the live gallery to <paramref name="teacher"/>'s; 200 with the live gallery, also when it already was. With
    /// <paramref name="from"/>, only if that teacher's gallery is still the live one (409 <c>switch-conflict</c> otherwise), so
    /// an operator acting on what GET /models showed never undoes a switch made meanwhile.
    /// </summary>
    public static async Task<Ok<LiveGalleryResponse>> SwitchAsync(
        string teacher, string? from, HttpRequest request, Galleries galleries, GalleryStore store, CancellationToken cancellationToken)
    {
        // A misspelt from= would otherwise switch without the guard the caller asked for.
        QueryNames.RefuseUnknown(request.Query, ["from"], "/galleries/{teacher}/live");
        if (galleries.Find(teacher) is null)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.UnknownTeacher,
                $"This instance serves no teacher '{teacher}'; it serves {string.Join(", ", galleries.All.Select(g => $"'{g.Teacher.Id}'"))}. " +
                "A teacher's gallery can become live only where its models are loaded (Models:Next).");
        }
        var live = (await store.GetLiveGalleryAsync(cancellationToken))?.ModelId ?? galleries.Current.Teacher.Id;
        if (from is not null && from != live)
        {
            throw SwitchConflict($"The live gallery is '{live}', not '{from}'; nothing was switched.");
        }
        try
        {
            var switched = await store.SwitchLiveGalleryAsync(live, teacher, cancellationToken);
            galleries.Publish(switched);
            return TypedResults.Ok(LiveGalleryResponse.From(switched));
        }
        catch (GalleryIncompleteException e)
        {
            throw Incomplete(e.Message);
        }
        catch (UnknownModelException)
        {
            // A served teacher whose gallery was never created (nothing indexed with it yet) or was dropped.
            throw Incomplete($"No gallery of the teacher '{teacher}' exists yet: index the gallery with it first (indexer index --teacher {teacher}), then switch.");
        }
        catch (LiveGalleryException e)
        {
            // Another switch committed between the read above and this one, or writes held the galleries too long.
            throw SwitchConflict(e.Message);
        }
    }

    private static ApiProblemException SwitchConflict(string detail) => new(StatusCodes.Status409Conflict, ProblemCodes.SwitchConflict,
        "The switch did not take place.", $"{detail} Read GET /models and switch again if still wanted.");

    private static ApiProblemException Incomplete(string detail) =>
        new(StatusCodes.Status409Conflict, ProblemCodes.GalleryIncomplete, "The gallery is not complete.", detail);
}

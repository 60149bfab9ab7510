using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Models;
using RetrievalService.Api.Security;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// <c>GET /models</c>: the live teacher, its query models and the served galleries; <c>GET /models/{id}</c> and
/// <c>/models/{id}/onnx</c>: one query model's manifest and file (for either teacher during an upgrade, so an app can fetch
/// the next model before the switch), so an app or a browser can fetch the model it will run on the device.
/// </summary>
public static class ModelEndpoints
{
    /// <summary>Maps the models group.</summary>
    public static RouteGroupBuilder MapModels(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapScopedGroup("/models", "Models", ApiKeyScopes.Search);
        group.MapGet("", GetModels).WithName("GetModels").WithSummary("The live teacher, its query models, and the served galleries with a teacher upgrade's progress.");
        group.MapGet("/{id}", GetModel).WithName("GetModel")
            .WithSummary("A served query model: its manifest (input convention, provenance, metrics) and its ONNX file's size and SHA-256.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/onnx", GetOnnx).WithName("GetModelOnnx")
            .WithSummary("A served query model's ONNX file; ETag is its SHA-256, cached for good (the content of an id never changes), Range supported.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>
    /// The live teacher and its query models, their manifests and compatibility, and every served gallery with its size
    /// and, during a teacher upgrade, the rebuilt gallery's progress (from the last measurement, not the database).
    /// </summary>
    public static Ok<ModelsResponse> GetModels(Galleries galleries)
    {
        var live = galleries.Live;
        var progress = galleries.Progress;
        return TypedResults.Ok(new ModelsResponse(
            new ActiveModel(live.Teacher.Id, Provider(live.TeacherQueue.Model), live.Teacher),
            [.. live.QueryModels.Select(m => new ActiveStudent(m.Manifest.Id, Provider(m),
                ModelCompatibility.Incompatibility(live.Teacher, m.Manifest) is null, m.Manifest) { Default = m.Manifest.Id == live.Models.DefaultStudent.Id })],
            [.. galleries.Retired.Select(r => new RetiredModel(r.Key, r.Value))],
            [.. galleries.All.Select(g => State(g, galleries, progress))]));
    }

    /// <summary>One served query model's manifest, with its file's size and where to get it.</summary>
    public static Results<Ok<ModelDetail>, ProblemHttpResult> GetModel(string id, ModelCatalog catalog, Galleries galleries)
    {
        if (catalog.FindStudent(id) is not { } manifest)
        {
            return NotFound(id, catalog);
        }
        var file = new FileInfo(OnnxPath(catalog, manifest));
        var isDefault = manifest.Id == galleries.Live.Models.DefaultStudent.Id;
        return TypedResults.Ok(new ModelDetail(manifest.Id, isDefault, manifest.Sha256, file.Length, $"/models/{Uri.EscapeDataString(id)}/onnx", manifest));
    }

    /// <summary>One served query model's ONNX file.</summary>
    public static IResult GetOnnx(string id, ModelCatalog catalog, HttpContext http)
    {
        if (catalog.FindStudent(id) is not { } manifest)
        {
            return NotFound(id, catalog);
        }
        // An id's file never changes (the manifest pins its SHA-256), so the client may keep it for good; private, because the
        // download needs a key and a shared cache (a CDN, a proxy) would hand it to callers without one.
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.PhysicalFile(OnnxPath(catalog, manifest), "application/octet-stream", fileDownloadName: manifest.OnnxFile,
            entityTag: new EntityTagHeaderValue($"\"{manifest.Sha256}\""), enableRangeProcessing: true);
    }

    private static string OnnxPath(ModelCatalog catalog, ModelManifest manifest) => Path.Combine(catalog.Directory, manifest.OnnxFile);

    private static GalleryState State(TeacherGallery gallery, Galleries galleries, GalleryProgress? progress)
    {
        var live = galleries.LiveState is { } state && state.ModelId == gallery.Teacher.Id ? state : null;
        var upgrade = progress?.Upgrade is { } c && c.NextModelId == gallery.Teacher.Id ? UpgradeProgress.From(c, progress.MeasuredAt) : null;
        long? images = progress?.Images.TryGetValue(gallery.Teacher.Id, out var count) == true ? count : null;
        return new GalleryState(gallery.Teacher.Id, live is not null, images, [.. gallery.Models.Students.Select(s => s.Id)], upgrade) { LiveSince = live?.SwitchedAt };
    }

    private static ProblemHttpResult NotFound(string id, ModelCatalog catalog) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such query model.",
        detail: $"No query model '{id}' is served here; the served ones are {string.Join(", ", catalog.Teachers.SelectMany(t => t.Students).Select(s => $"'{s.Id}'"))}.",
        extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ModelNotFound });

    private static string Provider(OnnxEmbedder model) => model.ExecutionProvider.ToString().ToLowerInvariant();
}

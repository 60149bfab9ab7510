using Microsoft.AspNetCore.Http.HttpResults;
using RetrievalService.Api.Models;
using RetrievalService.Api.Security;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Endpoints;

/// <summary><c>GET /models</c>: the active teacher and students.</summary>
public static class ModelEndpoints
{
    /// <summary>Maps the models group.</summary>
    public static RouteGroupBuilder MapModels(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/models").WithTags("Models").RequireScope(ApiKeyScopes.Search).RequireQuota(ApiKeyScopes.Search);
        group.MapGet("", GetModels).WithName("GetModels").WithSummary("The active teacher and students, their manifests and compatibility.");
        return group;
    }

    /// <summary>The active teacher and students, their manifests and compatibility (no database needed).</summary>
    public static Ok<ModelsResponse> GetModels(
        ModelCatalog catalog,
        [FromKeyedServices(ModelCatalog.TeacherKey)] OnnxEmbedder teacher,
        [FromKeyedServices(ModelCatalog.StudentKey)] OnnxEmbedder student)
    {
        var compatible = ModelCompatibility.Incompatibility(catalog.Teacher, catalog.Student) is null;
        return TypedResults.Ok(new ModelsResponse(
            new ActiveModel(catalog.Teacher.Id, Provider(teacher), catalog.Teacher),
            [new ActiveStudent(catalog.Student.Id, Provider(student), compatible, catalog.Student)]));
    }

    private static string Provider(OnnxEmbedder model) => model.ExecutionProvider.ToString().ToLowerInvariant();
}

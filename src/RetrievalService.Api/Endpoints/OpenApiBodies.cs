using Microsoft.OpenApi;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// Request bodies for the OpenAPI document of endpoints that read <see cref="HttpRequest"/> themselves. Not done with
/// <c>Accepts</c>: that metadata also filters requests by content type, before the handler could explain a mistake.
/// </summary>
internal static class OpenApiBodies
{
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff", "application/octet-stream"];

    /// <summary>Describes a multipart form with the given fields (binary files and text fields) and, optionally, raw image bodies.</summary>
    public static RouteHandlerBuilder WithBody(this RouteHandlerBuilder builder, string[] fileFields, string[] textFields, bool rawImage) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var form = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>() };
            foreach (var field in fileFields)
            {
                form.Properties[field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
            foreach (var field in textFields)
            {
                form.Properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
            }
            var content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } };
            if (rawImage)
            {
                foreach (var type in ImageTypes)
                {
                    content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }
            }
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
            return Task.CompletedTask;
        });
}

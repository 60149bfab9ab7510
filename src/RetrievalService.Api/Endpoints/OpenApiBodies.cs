using Microsoft.OpenApi;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// Request bodies for the OpenAPI document of endpoints that read <see cref="HttpRequest"/> themselves. Not done with
/// <c>Accepts</c>: that metadata also filters requests by content type, before the handler could explain a mistake.
/// </summary>
internal static class OpenApiBodies
{
    // The formats the decoder reads (TIFF, HEIC and the others it names are refused with 415).
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "application/octet-stream"];

    /// <summary>
    /// The answers an upload can get before or instead of its result: malformed (400), too slow (408), too large (413),
    /// not a type it takes (415), and, where the image itself is decoded in the request, unusable (422); busy or database
    /// away (503).
    /// </summary>
    public static RouteHandlerBuilder ProducesUploadProblems(this RouteHandlerBuilder builder, bool decodesImage)
    {
        int[] statuses =
        [
            StatusCodes.Status400BadRequest, StatusCodes.Status408RequestTimeout, StatusCodes.Status413PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable,
        ];
        foreach (var status in decodesImage ? [.. statuses, StatusCodes.Status422UnprocessableEntity] : statuses)
        {
            builder.ProducesProblem(status);
        }
        return builder;
    }

    /// <summary>
    /// Describes a multipart form with the given fields (binary files and text fields) and, optionally, raw image bodies
    /// and the JSON query vector of <c>/search</c>.
    /// </summary>
    public static RouteHandlerBuilder WithBody(this RouteHandlerBuilder builder, string[] fileFields, string[] textFields, bool rawImage, bool queryVector = false) =>
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
            if (queryVector)
            {
                content["application/json"] = new OpenApiMediaType { Schema = QueryVectorSchema() };
            }
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
            return Task.CompletedTask;
        });

    /// <summary>Declares query-string parameters of an endpoint that reads its query itself.</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, params (string Name, JsonSchemaType Type, string Description)[] parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, type, description) in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = type },
                });
            }
            return Task.CompletedTask;
        });

    private static OpenApiSchema QueryVectorSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "embedding" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["embedding"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "float" },
                Description = "The query model's output for the photo: the teacher's dimension; scaled to unit length by the server.",
            },
            ["model"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The served query model that made it (GET /models); default Models:Student." },
            ["k"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["mode"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "asymmetric (the only mode a query vector has)." },
            ["filter"] = new OpenApiSchema { Type = JsonSchemaType.Object },
            ["expand"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["after"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A write position (X-Gallery-Position) the answer must include." },
        },
    };
}

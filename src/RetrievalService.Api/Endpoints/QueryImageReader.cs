using Microsoft.Net.Http.Headers;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Http;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// The query of <c>POST /search</c> as uploaded: the multipart field <c>image</c> or the raw body with an image content
/// type; or, in a multipart form, the field <c>embedding</c> (a query vector as base64 float16) instead of an image.
/// </summary>
internal static class QueryImageReader
{
    public const string ImageField = "image";

    public const string EmbeddingField = "embedding";

    private static readonly string[] FormFields = [ImageField, EmbeddingField, .. SearchParameterParser.Names];

    /// <summary>The image (empty when the form carries a vector), the vector (null for an image), and the form when there was one.</summary>
    public static async Task<(ReadOnlyMemory<byte> Image, float[]? Vector, IFormCollection? Form)> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await RequestBodies.ReadFormAsync(request, limit, maxFiles: 1, ct);
            if (form.ContainsKey(EmbeddingField))
            {
                FormFieldRules.Check(form, FormFields, ImageField, Accepted);
                if (form.Files.Count > 0)
                {
                    throw ApiProblemException.BadRequest(ProblemCodes.InvalidForm, "Send either an image or an embedding, not both.");
                }
                return (ReadOnlyMemory<byte>.Empty, HalfVector.Decode(form[EmbeddingField]), form);
            }
            return (await ReadFileAsync(request.HttpContext, form, ct), null, form);
        }
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null && !RequestBodies.HasBody(request))
        {
            throw ApiProblemException.BadRequest(ProblemCodes.ImageMissing,
                "No query image was sent: POST it as multipart field 'image' (curl -F image=@photo.jpg) or as the raw body with Content-Type image/jpeg.");
        }
        if (mediaType is null)
        {
            throw ApiProblemException.UnsupportedMediaType(
                "The body has no Content-Type: send multipart/form-data with field 'image', or the raw bytes with Content-Type image/* " +
                "(curl --data-binary @photo.jpg -H 'Content-Type: image/jpeg').");
        }
        // Two Content-Type headers arrive joined by a comma: no single media type, and a proxy may have read the other one.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out _)
            || (!mediaType.StartsWith("image/", StringComparison.Ordinal) && mediaType != "application/octet-stream"))
        {
            throw ApiProblemException.UnsupportedMediaType(
                $"Content type '{mediaType}' is not an image: send multipart/form-data with field 'image', or the raw bytes with Content-Type image/* " +
                "(curl --data-binary @photo.jpg -H 'Content-Type: image/jpeg').");
        }
        return (await RequestBodies.ReadAllAsync(request, limit, ct), null, null);
    }

    private const string Accepted = "/search accepts 'image' (the file) or 'embedding' (base64 float16), 'k', 'mode', 'filter', 'expand', 'model' and 'after'";

    private static async Task<ReadOnlyMemory<byte>> ReadFileAsync(HttpContext http, IFormCollection form, CancellationToken ct)
    {
        FormFieldRules.Check(form, FormFields, ImageField, Accepted);
        var files = form.Files.GetFiles(ImageField);
        if (files.Count != 1)
        {
            throw ApiProblemException.BadRequest(files.Count == 0 ? ProblemCodes.ImageMissing : ProblemCodes.InvalidForm,
                $"Send exactly one file in the form field 'image' (curl -F image=@photo.jpg); got {files.Count}.");
        }
        var file = files[0];
        // The form kept the file on disk; in memory it counts against the body budget.
        http.RequestServices.GetRequiredService<BodyMemory>().Reserve(http, file.Length);
        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}

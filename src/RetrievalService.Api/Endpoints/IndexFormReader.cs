using System.Text.Json;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Http;
using RetrievalService.Indexing;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// The multipart form of <c>POST /index</c>: files in the field <c>files</c>; optional <c>ids</c> (a JSON array of
/// strings, one per file, else each file's name is its id) and <c>metadata</c> (a JSON object of id → metadata object).
/// </summary>
internal static class IndexFormReader
{
    public const string FilesField = "files";
    public const string IdsField = "ids";
    public const string MetadataField = "metadata";

    private static readonly string[] Fields = [FilesField, IdsField, MetadataField];

    public static async Task<IReadOnlyList<IndexItem>> ReadAsync(HttpRequest request, long limit, int maxFiles, int maxMetadataChars, CancellationToken ct)
    {
        if (request.ContentType is null && !RequestBodies.HasBody(request))
        {
            throw NoFiles();
        }
        var form = await RequestBodies.ReadFormAsync(request, limit, maxFiles, ct);
        FormFieldRules.Check(form, Fields, FilesField, "/index accepts 'files' (the images), 'ids' and 'metadata'");
        var files = form.Files.GetFiles(FilesField);
        if (files.Count == 0)
        {
            throw NoFiles();
        }
        if (files.Count > maxFiles)
        {
            throw ApiProblemException.TooLarge(ProblemCodes.TooManyFiles,
                $"{files.Count} files were sent; one request indexes at most {maxFiles}. Split the upload into several requests.");
        }
        var ids = ReadIds(form, files);
        var metadata = ReadMetadata(form, ids, maxMetadataChars);
        // The form kept the files on disk; in memory they count against the body budget.
        request.HttpContext.RequestServices.GetRequiredService<BodyMemory>().Reserve(request.HttpContext, files.Sum(f => f.Length));
        var items = new List<IndexItem>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = new byte[files[i].Length];
            await using (var stream = files[i].OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }
            var source = UploadSource.For(files[i].FileName, ids[i]);
            items.Add(new IndexItem(ids[i], IndexContent.FromBytes(bytes), source, metadata.TryGetValue(ids[i], out var m) ? m : null));
        }
        return items;
    }

    private static ApiProblemException NoFiles() => ApiProblemException.BadRequest(ProblemCodes.ImageMissing,
        "No files were sent: add each image as form field 'files' (curl -F files=@a.jpg -F files=@b.jpg).");

    private static string[] ReadIds(IFormCollection form, IReadOnlyList<IFormFile> files)
    {
        var text = form[IdsField].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return files.Select(f => f.FileName).ToArray();
        }
        string[]? ids;
        try
        {
            ids = JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidIds, $"'ids' must be a JSON array of strings such as [\"a\",\"b\"] ({JsonErrorPosition.Describe(e)}).");
        }
        if (ids is null || ids.Length != files.Count || ids.Any(id => id is null))
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidIds,
                $"'ids' must list one string id per file, in upload order: {files.Count} files, {ids?.Length ?? 0} ids.");
        }
        return ids;
    }

    private static Dictionary<string, JsonElement> ReadMetadata(IFormCollection form, string[] ids, int maxChars)
    {
        var text = form[MetadataField].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        if (text.Length > maxChars)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidMetadata, $"'metadata' has {text.Length} characters; at most {maxChars} are allowed.");
        }
        Dictionary<string, JsonElement>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text, ClientJson.Serializer);
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidMetadata,
                $"'metadata' must be a JSON object of id → metadata object, such as {{\"a\":{{\"category\":\"shoes\"}}}}, with no key repeated in an object ({JsonErrorPosition.Describe(e)}).");
        }
        if (map is null)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidMetadata,
                "'metadata' is null; send a JSON object of id → metadata object such as {\"a\":{\"category\":\"shoes\"}}, or leave the field out.");
        }
        var stray = map.Keys.Where(key => !ids.Contains(key, StringComparer.Ordinal)).ToList();
        if (stray.Count > 0)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidMetadata,
                $"'metadata' names id(s) {string.Join(", ", stray.Select(s => $"'{s}'"))} that no uploaded file has.");
        }
        return map;
    }
}

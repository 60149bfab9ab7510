using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Http;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Embedding.Retrieval;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// Reads <c>k</c>, <c>mode</c>, <c>filter</c>, <c>expand</c>, <c>model</c> and <c>after</c> from the query string or, for multipart requests, from form fields.
/// Each mistake becomes a 400 that names the parameter and shows a valid value.
/// </summary>
internal static class SearchParameterParser
{
    private const int MaxFilterDepth = 16;

    /// <summary>Every parameter, in the query string or a form field (or a JSON vector query's property).</summary>
    public static readonly string[] Names = ["k", "mode", "filter", "expand", "model", "after"];

    /// <exception cref="ApiProblemException">400 with the code of the first mistake.</exception>
    public static SearchParameters Parse(IQueryCollection query, IFormCollection? form, int maxFilterChars, int defaultExpand)
    {
        // A misspelt name would be ignored (?filtr=… would search unfiltered); form fields are checked as the form is read.
        QueryNames.RefuseUnknown(query, Names, "/search");
        var k = ParseK(Single(query, form, "k"));
        var mode = ParseMode(Single(query, form, "mode"));
        var filter = ParseFilter(Single(query, form, "filter"), maxFilterChars);
        var expand = ParseExpand(Single(query, form, "expand"), defaultExpand);
        var model = ParseModel(Single(query, form, "model"), mode);
        var after = ParseAfter(Single(query, form, "after"));
        var parameters = new SearchParameters(k, mode, filter, expand, model) { After = after };
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(parameters, new ValidationContext(parameters), errors, validateAllProperties: true))
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidK, $"{errors[0].ErrorMessage} Got k={k}.");
        }
        return parameters;
    }

    private static string? Single(IQueryCollection query, IFormCollection? form, string name)
    {
        var values = StringValues.Concat(query[name], form is null ? StringValues.Empty : form[name]);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw ApiProblemException.BadRequest(ParameterCode(name),
                $"'{name}' is given {values.Count} times (query string and form fields together); give it once."),
        };
    }

    private static int ParseK(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return SearchParameters.DefaultK;
        }
        if (!WholeNumber.IsWellFormed(value) || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var k))
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidK, $"k must be a whole number between {SearchRequest.MinK} and {SearchRequest.MaxK}; got '{Clip(value)}'.");
        }
        // Clamped only for the message: the validation below refuses anything outside MinK..MaxK.
        return (int)Math.Clamp(k, int.MinValue, int.MaxValue);
    }

    // Which served model it is, Galleries.QueryModel decides; here only the shape, and that a query model goes with asymmetric mode.
    private static string? ParseModel(string? value, SearchMode mode)
    {
        if (value is null)
        {
            return null;
        }
        if (!ModelsOptions.IsModelId(value))
        {
            throw ApiProblemException.BadRequest(ProblemCodes.UnknownModel, $"model must be a model id (1..128 of A-Z a-z 0-9 . _ + @ -); got '{Clip(value)}'.");
        }
        if (mode == SearchMode.Symmetric)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.UnknownModel,
                "model names a query model, which only asymmetric mode uses; symmetric mode always embeds the query with the teacher.");
        }
        return value;
    }

    private static int ParseExpand(string? value, int defaultExpand)
    {
        if (string.IsNullOrEmpty(value))
        {
            return defaultExpand;
        }
        if (!WholeNumber.IsWellFormed(value) || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var expand)
            || expand > AlphaQueryExpansion.MaxNeighbours)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidExpand,
                $"expand must be a whole number between 0 (plain k-NN search) and {AlphaQueryExpansion.MaxNeighbours} (gallery neighbours folded into the query); got '{Clip(value)}'.");
        }
        return expand;
    }

    private static GalleryPosition? ParseAfter(string? value)
    {
        if (value is null)
        {
            return null;
        }
        return GalleryPosition.TryParse(value, out var position)
            ? position
            : throw ApiProblemException.BadRequest(ProblemCodes.InvalidPosition,
                $"after must be the {WritePosition.Header} header (or 'position' field) of an earlier write, such as 0/16B3748; got '{Clip(value)}'.");
    }

    private static SearchMode ParseMode(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "asymmetric" => SearchMode.Asymmetric,
        "symmetric" => SearchMode.Symmetric,
        _ => throw ApiProblemException.BadRequest(ProblemCodes.InvalidMode,
            $"mode must be 'asymmetric' (student query, the default) or 'symmetric' (teacher query); got '{Clip(value)}'."),
    };

    private static JsonObject? ParseFilter(string? value, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Length > maxChars)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidFilter, $"filter has {value.Length} characters; at most {maxChars} are allowed.");
        }
        JsonDocument document;
        try
        {
            document = ClientJson.Parse(value, MaxFilterDepth);
        }
        catch (JsonException e)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidFilter,
                $"filter is not valid JSON with no key repeated in an object ({JsonErrorPosition.Describe(e)}); send an object such as {{\"category\":\"shoes\"}}, URL-encoded in the query string.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ApiProblemException.BadRequest(ProblemCodes.InvalidFilter,
                    $"filter must be a JSON object matched by containment, such as {{\"category\":\"shoes\"}}; got {root.ValueKind.ToString().ToLowerInvariant()}.");
            }
            if (StorableJson.Problem(root) is { } problem)
            {
                throw ApiProblemException.BadRequest(ProblemCodes.InvalidFilter, $"filter {problem}.");
            }
            return JsonObject.Create(root.Clone());
        }
    }

    /// <summary>The code of a mistake in parameter <paramref name="name"/>.</summary>
    public static string ParameterCode(string name) => name switch
    {
        "k" => ProblemCodes.InvalidK,
        "mode" => ProblemCodes.InvalidMode,
        "expand" => ProblemCodes.InvalidExpand,
        "model" => ProblemCodes.UnknownModel,
        "after" => ProblemCodes.InvalidPosition,
        _ => ProblemCodes.InvalidFilter,
    };

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

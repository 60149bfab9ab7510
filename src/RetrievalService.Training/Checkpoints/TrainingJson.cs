using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetrievalService.Training.Checkpoints;

/// <summary>JSON conventions of the run folder: camelCase, enums as kebab-case names.</summary>
public static class TrainingJson
{
    /// <summary>Indented, for <c>checkpoint.json</c>, which people read.</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>One object per line, for <c>metrics.jsonl</c>.</summary>
    public static readonly JsonSerializerOptions Lines = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}

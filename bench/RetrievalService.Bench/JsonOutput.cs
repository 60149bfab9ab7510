using System.Text.Encodings.Web;
using System.Text.Json;

namespace RetrievalService.Bench;

/// <summary>Serializer settings for <c>--json</c> files: indented camelCase, readable non-ASCII.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

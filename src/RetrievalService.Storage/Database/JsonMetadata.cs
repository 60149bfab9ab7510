using System.Text.Json.Nodes;

namespace RetrievalService.Storage.Database;

/// <summary>Metadata travels as jsonb text; a missing object is stored as <c>{}</c> so containment filters work.</summary>
internal static class JsonMetadata
{
    public static string ToJson(JsonObject? metadata) => metadata?.ToJsonString() ?? "{}";

    public static JsonObject Parse(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new FormatException("Stored metadata is not a JSON object.");
}

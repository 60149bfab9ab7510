using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// Typed access to TensorFlow AttrValue JSON as the TFJS converter writes it: 64-bit ints as strings,
/// byte strings as base64 (<c>"padding":{"s":"U0FNRQ=="}</c> is "SAME").
/// </summary>
public static class TfjsAttributes
{
    /// <summary>A string attribute (<c>s</c>), or null when absent.</summary>
    public static string? String(TfjsNode node, string name) =>
        node.Attributes[name]?["s"] is { } value ? DecodeBase64(value) : null;

    /// <summary>A list-of-strings attribute (<c>list.s</c>); empty when absent.</summary>
    public static IReadOnlyList<string> Strings(TfjsNode node, string name) =>
        node.Attributes[name]?["list"]?["s"] is JsonArray values ? values.Select(v => DecodeBase64(v!)).ToArray() : [];

    /// <summary>An int attribute (<c>i</c>), or null when absent.</summary>
    public static long? Int(TfjsNode node, string name) =>
        node.Attributes[name]?["i"] is { } value ? ToLong(value) : null;

    /// <summary>A list-of-ints attribute (<c>list.i</c>); empty when absent.</summary>
    public static long[] Ints(TfjsNode node, string name) =>
        node.Attributes[name]?["list"]?["i"] is JsonArray values ? values.Select(v => ToLong(v!)).ToArray() : [];

    private static string DecodeBase64(JsonNode value) => Encoding.UTF8.GetString(Convert.FromBase64String(value.GetValue<string>()));

    private static long ToLong(JsonNode value) =>
        value.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? long.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)
            : value.GetValue<long>();
}

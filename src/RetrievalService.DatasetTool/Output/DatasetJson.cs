using System.Text.Encodings.Web;
using System.Text.Json;

namespace RetrievalService.DatasetTool.Output;

/// <summary>One serializer setting for every file the tool writes, so output bytes are the same on every OS.</summary>
public static class DatasetJson
{
    /// <summary>Indented, camelCase, relaxed escaping, <c>\n</c> newlines.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // gnd.json names its keys explicitly (the ROxford layout); build.json follows the same lower-camel style.
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Keep '+' in Debian versions and '≥' in rule descriptions readable; the files are never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Windows would otherwise write CRLF and break byte-identical rebuilds across machines.
        NewLine = "\n",
    };

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON plus a final newline.</summary>
    public static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
    }

    /// <summary>Reads a file written by <see cref="Write{T}"/>.</summary>
    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path}: empty JSON.");
}

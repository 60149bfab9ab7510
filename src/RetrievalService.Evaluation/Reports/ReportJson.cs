using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Writes reports as indented camelCase JSON; metrics stay fractions in 0..1.</summary>
public static class ReportJson
{
    /// <summary>The serializer options every report uses.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Reports are read by people too: keep →, × and √ as written.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Serializes <paramref name="report"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write<T>(T report, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(path, JsonSerializer.Serialize(report, Options) + "\n");
    }
}

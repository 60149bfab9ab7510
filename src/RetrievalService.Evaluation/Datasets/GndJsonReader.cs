using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetrievalService.Evaluation.Datasets;

/// <summary>Reads the native layout: a folder with the images and <c>gnd.json</c>.</summary>
public static class GndJsonReader
{
    /// <summary>Name of the ground-truth file inside a native dataset folder.</summary>
    public const string FileName = "gnd.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads <c>gnd.json</c> in <paramref name="folder"/>.</summary>
    /// <exception cref="DatasetFormatException">The file is not valid JSON of the expected shape.</exception>
    public static RetrievalDataset Read(string folder)
    {
        var root = Path.GetFullPath(folder);
        var file = Path.Combine(root, FileName);
        var json = Parse(file);
        var imlist = json.Imlist ?? throw new DatasetFormatException(file, "imlist", "the key is missing.");
        var qimlist = json.Qimlist ?? throw new DatasetFormatException(file, "qimlist", "the key is missing.");
        var gnd = json.Gnd ?? throw new DatasetFormatException(file, "gnd", "the key is missing.");
        return new RetrievalDataset
        {
            Name = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)),
            Root = root,
            GroundTruthFile = file,
            Layout = DatasetLayout.Native,
            Images = CheckNames(file, "imlist", imlist),
            Queries = CheckNames(file, "qimlist", qimlist),
            GroundTruth = gnd.Select((entry, i) => ToGroundTruth(file, i, entry)).ToList(),
        };
    }

    private static GndFile Parse(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<GndFile>(stream, Options)
                ?? throw new DatasetFormatException(file, "$", "the file holds null, not an object.");
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(file, e.Path ?? "$", e.Message, e);
        }
    }

    private static List<string> CheckNames(string file, string key, List<string?> names)
    {
        var empty = names.FindIndex(string.IsNullOrWhiteSpace);
        return empty < 0
            ? names.Select(n => n!).ToList()
            : throw new DatasetFormatException(file, $"{key}[{empty}]", "the entry is empty or null.");
    }

    private static QueryGroundTruth ToGroundTruth(string file, int index, GndEntry? entry)
    {
        if (entry is null)
        {
            throw new DatasetFormatException(file, $"gnd[{index}]", "the entry is null, not an object.");
        }
        BoundingBox? box = null;
        if (entry.Bbx is not null)
        {
            box = BoundingBox.FromList(entry.Bbx)
                ?? throw new DatasetFormatException(file, $"gnd[{index}].bbx", $"has {entry.Bbx.Length} numbers; expected [x1, y1, x2, y2] or null.");
        }
        return new QueryGroundTruth(entry.Easy ?? [], entry.Hard ?? [], entry.Junk ?? [], box);
    }

    private sealed record GndFile(
        [property: JsonPropertyName("imlist")] List<string?>? Imlist,
        [property: JsonPropertyName("qimlist")] List<string?>? Qimlist,
        [property: JsonPropertyName("gnd")] List<GndEntry?>? Gnd);

    private sealed record GndEntry(int[]? Easy, int[]? Hard, int[]? Junk, double[]? Bbx);
}

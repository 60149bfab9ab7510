using System.Text.Json;
using System.Text.Json.Nodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// Loads a TFJS graph model bundled as nsfwjs ships it: <c>model.min.js</c> (the model.json object) and one
/// <c>&lt;path&gt;.min.js</c> per manifest path (a base64 string each), concatenated in manifest order.
/// </summary>
public static class TfjsModelReader
{
    public const string ModelFile = "model.min.js";

    /// <summary>Reads and dequantises the model in <paramref name="modelDir"/>.</summary>
    public static TfjsGraphModel Load(string modelDir)
    {
        var modelPath = Path.Combine(modelDir, ModelFile);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"TFJS model bundle not found: {modelPath}", modelPath);
        }
        var json = UmdModuleReader.ReadObject(modelPath);
        if (json["format"]?.GetValue<string>() is not "graph-model")
        {
            throw new NotSupportedException($"{modelPath} is not a TFJS graph model (format '{json["format"]}').");
        }
        var nodes = json["modelTopology"]?["node"]?.AsArray().Select(n => ReadNode(n!.AsObject())).ToArray()
            ?? throw new InvalidDataException($"{modelPath} has no modelTopology.node list.");

        var weights = new Dictionary<string, TfjsTensor>(StringComparer.Ordinal);
        foreach (var group in json["weightsManifest"]!.AsArray())
        {
            var specs = group!["weights"].Deserialize<TfjsWeightSpec[]>(JsonSerializerOptions.Web)!;
            var data = group["paths"]!.AsArray()
                .SelectMany(p => UmdModuleReader.ReadBase64(Path.Combine(modelDir, p!.GetValue<string>() + ".min.js")))
                .ToArray();
            foreach (var (name, tensor) in TfjsWeightDecoder.Decode(specs, data))
            {
                weights.Add(name, tensor);
            }
        }
        return new TfjsGraphModel(nodes, weights);
    }

    private static TfjsNode ReadNode(JsonObject node) => new(
        node["name"]!.GetValue<string>(),
        node["op"]!.GetValue<string>(),
        node["input"]?.AsArray().Select(i => i!.GetValue<string>()).ToArray() ?? [],
        node["attr"]?.AsObject() is { } attributes ? (JsonObject)attributes.DeepClone() : []);
}

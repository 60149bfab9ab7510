using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// Reads the value a browserify/UMD bundle assigns to <c>module.exports</c>, without executing JavaScript.
/// nsfwjs ships its model as such bundles: <c>model.min.js</c> exports the model.json object and each
/// <c>group1-shardNofM.min.js</c> exports one base64 string of weight bytes.
/// </summary>
public static partial class UmdModuleReader
{
    // The UMD header also contains "module.exports=t()"; only an assignment of a literal is data.
    [GeneratedRegex(@"\.exports\s*=\s*(?=[\{\[""'])")]
    private static partial Regex ExportAssignment();

    /// <summary>The exported literal of the first <c>x.exports = &lt;literal&gt;</c> in <paramref name="javascript"/>.</summary>
    /// <exception cref="FormatException">No literal export is found or it does not parse.</exception>
    public static JsonNode ReadExport(string javascript)
    {
        var match = ExportAssignment().Match(javascript);
        if (!match.Success)
        {
            throw new FormatException("No 'exports = <literal>' assignment found in the module.");
        }
        return JsLiteralParser.Parse(javascript, match.Index + match.Length)
            ?? throw new FormatException("The module exports null.");
    }

    /// <summary>Reads a module file that exports an object (e.g. <c>model.min.js</c>).</summary>
    public static JsonObject ReadObject(string path) =>
        ReadExport(File.ReadAllText(path)) as JsonObject
        ?? throw new FormatException($"{path} does not export an object literal.");

    /// <summary>Reads a module file that exports a base64 string and decodes it (a weight shard).</summary>
    public static byte[] ReadBase64(string path)
    {
        var node = ReadExport(File.ReadAllText(path));
        return node.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? Convert.FromBase64String(node.GetValue<string>())
            : throw new FormatException($"{path} does not export a string literal.");
    }
}

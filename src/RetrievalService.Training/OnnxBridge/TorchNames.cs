using System.Text;

namespace RetrievalService.Training.OnnxBridge;

/// <summary>
/// Maps ONNX initializer names to names TorchSharp accepts for parameters and buffers
/// (no dots or slashes), keeping them stable across runs so checkpoints keyed by them stay valid.
/// </summary>
internal static class TorchNames
{
    /// <summary>One unique, sanitised torch name per ONNX name, in the given order.</summary>
    public static Dictionary<string, string> Assign(IEnumerable<string> onnxNames)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var onnxName in onnxNames)
        {
            var baseName = Sanitise(onnxName);
            var name = baseName;
            // Two ONNX names can sanitise alike ("a.b" and "a/b"): suffix in graph order, which is deterministic.
            for (var k = 2; !taken.Add(name); k++)
            {
                name = $"{baseName}_{k}";
            }
            result[onnxName] = name;
        }
        return result;
    }

    private static string Sanitise(string onnxName)
    {
        var builder = new StringBuilder(onnxName.Length);
        foreach (var c in onnxName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        return builder.Length == 0 || char.IsAsciiDigit(builder[0]) ? "t_" + builder : builder.ToString();
    }
}

using System.Text;
using System.Text.Json.Nodes;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

/// <summary>Hand-built TFJS graphs in the converter's input form, with TF AttrValue JSON as the TFJS converter writes it.</summary>
internal static class TinyTfjsGraphs
{
    public static TfjsNode Placeholder(int height, int width, int channels) => new("input", "Placeholder", [],
        JsonNode.Parse($$$"""{"shape":{"shape":{"dim":[{"size":"-1"},{"size":"{{{height}}}"},{"size":"{{{width}}}"},{"size":"{{{channels}}}"}] } } }""")!.AsObject());

    public static TfjsNode FusedConv(string op, string name, string input, int stride, string padding, params string[] fusedOps) =>
        new(name, op, [input, $"{name}/filter", $"{name}/bias"], JsonNode.Parse($$$"""
            {"strides":{"list":{"i":["1","{{{stride}}}","{{{stride}}}","1"]}},"padding":{"s":"{{{B64(padding)}}}"},
             "data_format":{"s":"{{{B64("NHWC")}}}"},"num_args":{"i":"1"},
             "fused_ops":{"list":{"s":[{{{string.Join(",", fusedOps.Select(o => $"\"{B64(o)}\""))}}}] } } }
            """)!.AsObject());

    public static TfjsNode Op(string op, string name, params string[] inputs) => new(name, op, inputs, []);

    /// <summary>Deterministic values in [-1, 1) from an integer LCG.</summary>
    public static float[] Values(int count, uint seed)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            seed = unchecked(seed * 1664525u + 1013904223u);
            values[i] = (seed >> 8) / 8388608f - 1f;
        }
        return values;
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

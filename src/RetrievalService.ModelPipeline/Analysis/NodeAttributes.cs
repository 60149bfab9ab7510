using System.Text;
using Onnx;

namespace RetrievalService.ModelPipeline.Analysis;

/// <summary>Reads NodeProto attributes with the defaults the ONNX operator specs give.</summary>
internal static class NodeAttributes
{
    public static long Int(NodeProto node, string name, long fallback) =>
        Find(node, name) is { } attribute ? attribute.I : fallback;

    public static string String(NodeProto node, string name, string fallback) =>
        Find(node, name) is { } attribute ? Encoding.UTF8.GetString(attribute.S.Span) : fallback;

    /// <summary>The attribute's values, or null when absent, so callers can derive a spec default.</summary>
    public static long[]? Ints(NodeProto node, string name) =>
        Find(node, name) is { } attribute ? [.. attribute.Ints] : null;

    private static AttributeProto? Find(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name);
}

using Onnx;

namespace RetrievalService.ModelPipeline.Onnx;

/// <summary>Clean-up shared by graph rewrites.</summary>
public static class OnnxGraphs
{
    /// <summary>
    /// Drops initializers that no node reads and no graph output names: weights a rewrite replaced stay in the file
    /// otherwise, making it larger and ONNX Runtime warn on every load.
    /// </summary>
    public static void RemoveUnusedInitializers(GraphProto graph)
    {
        var used = graph.Node.SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name)).ToHashSet();
        foreach (var dead in graph.Initializer.Where(i => !used.Contains(i.Name)).ToList())
        {
            graph.Initializer.Remove(dead);
        }
    }
}

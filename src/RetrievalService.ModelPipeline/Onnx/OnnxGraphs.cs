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

    /// <summary>
    /// Drops nodes whose outputs no longer reach a graph output (after a rewire cut them off), then the
    /// initializers only they read. Nodes are in topological order, so one backward sweep finds them all.
    /// </summary>
    public static void RemoveDeadNodes(GraphProto graph)
    {
        var needed = graph.Output.Select(o => o.Name).ToHashSet();
        for (var i = graph.Node.Count - 1; i >= 0; i--)
        {
            var node = graph.Node[i];
            if (node.Output.Any(needed.Contains))
            {
                needed.UnionWith(node.Input);
            }
            else
            {
                graph.Node.RemoveAt(i);
            }
        }
        RemoveUnusedInitializers(graph);
    }
}

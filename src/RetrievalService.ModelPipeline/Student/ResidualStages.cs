using Onnx;

namespace RetrievalService.ModelPipeline.Student;

/// <summary>
/// Finds the residual blocks and stages of a ResNet-style ONNX graph (BasicBlocks or Bottlenecks), with BatchNormalization
/// nodes or with them folded into the convolutions as PyTorch's export does.
/// </summary>
public static class ResidualStages
{
    /// <summary>
    /// Every Add whose only reader is a Relu and with at least one branch ending in a layer (Conv or BatchNormalization)
    /// closes a block. Its shortcut is the identity when the other input is not a layer output: a projection shortcut
    /// is [BN](Conv(x)), while the main path always ends in a layer.
    /// </summary>
    public static IReadOnlyList<ResidualStage> Find(GraphProto graph)
    {
        var producers = graph.Node.SelectMany(n => n.Output.Select(o => (Output: o, Node: n))).ToDictionary(p => p.Output, p => p.Node);
        var readers = graph.Node.SelectMany(n => n.Input.Select(i => (Input: i, Node: n))).ToLookup(r => r.Input, r => r.Node);

        var stages = new List<List<ResidualBlock>>();
        foreach (var add in graph.Node.Where(n => n.OpType == "Add" && n.Input.Count == 2))
        {
            if (readers[add.Output[0]].ToList() is not [{ OpType: "Relu" } relu])
            {
                continue;
            }
            var fromLayer = add.Input.Select(i => ConvOf(producers, i) is not null).ToArray();
            if (fromLayer.All(b => !b))
            {
                continue;
            }
            var identity = !fromLayer.All(b => b);
            var input = identity ? add.Input[Array.IndexOf(fromLayer, false)] : ProjectionInput(producers, readers, add);
            if (stages.Count == 0 || !identity)
            {
                stages.Add([]);
            }
            stages[^1].Add(new ResidualBlock(add.Name, input, relu.Output[0], identity));
        }
        return stages.Select(blocks => new ResidualStage(blocks)).ToList();
    }

    /// <summary>The Conv that produces <paramref name="tensor"/>, directly or through one BatchNormalization; null otherwise.</summary>
    private static NodeProto? ConvOf(Dictionary<string, NodeProto> producers, string tensor)
    {
        if (!producers.TryGetValue(tensor, out var node))
        {
            return null;
        }
        if (node.OpType == "BatchNormalization" && !producers.TryGetValue(node.Input[0], out node))
        {
            return null;
        }
        return node.OpType == "Conv" ? node : null;
    }

    /// <summary>
    /// The x of a projection block: the shortcut's Conv reads x, which the main path's first Conv reads too, while the
    /// main path's last Conv reads a Relu that only it reads.
    /// </summary>
    private static string ProjectionInput(Dictionary<string, NodeProto> producers, ILookup<string, NodeProto> readers, NodeProto add)
    {
        foreach (var branch in add.Input)
        {
            var conv = ConvOf(producers, branch)!;
            if (readers[conv.Input[0]].Count() >= 2)
            {
                return conv.Input[0];
            }
        }
        throw new InvalidOperationException($"{add.Name}: neither branch reads the block's input directly.");
    }
}

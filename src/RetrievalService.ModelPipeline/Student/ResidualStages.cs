using Onnx;

namespace RetrievalService.ModelPipeline.Student;

/// <summary>Finds the residual blocks and stages of a ResNet-style ONNX graph (BasicBlocks with BatchNormalization).</summary>
public static class ResidualStages
{
    /// <summary>
    /// Every Add whose only reader is a Relu closes a block. Its shortcut is the identity when one Add input is not
    /// a BatchNormalization output: a projection shortcut is BN(Conv(x)), the main path always ends in BN.
    /// </summary>
    public static IReadOnlyList<ResidualStage> Find(GraphProto graph)
    {
        var producers = graph.Node.SelectMany(n => n.Output.Select(o => (Output: o, Node: n))).ToDictionary(p => p.Output, p => p.Node);
        var readers = graph.Node.SelectMany(n => n.Input.Select(i => (Input: i, Node: n))).ToLookup(r => r.Input, r => r.Node);

        var stages = new List<List<ResidualBlock>>();
        foreach (var add in graph.Node.Where(n => n.OpType == "Add" && n.Input.Count == 2))
        {
            var after = readers[add.Output[0]].ToList();
            if (after is not [{ OpType: "Relu" } relu])
            {
                continue;
            }
            var fromBatchNorm = add.Input.Select(i => producers.TryGetValue(i, out var p) && p.OpType == "BatchNormalization").ToArray();
            if (fromBatchNorm.All(b => !b))
            {
                continue;
            }
            var identity = !fromBatchNorm.All(b => b);
            var input = identity ? add.Input[Array.IndexOf(fromBatchNorm, false)] : ProjectionInput(producers, readers, add);
            var block = new ResidualBlock(add.Name, input, relu.Output[0], identity);
            if (stages.Count == 0 || !identity)
            {
                stages.Add([]);
            }
            stages[^1].Add(block);
        }
        return stages.Select(blocks => new ResidualStage(blocks)).ToList();
    }

    /// <summary>
    /// The x of a projection block. Both branches end Conv → BN; the shortcut's Conv reads x, which the main path's
    /// first Conv reads too, while the main path's last Conv reads a Relu that only it reads.
    /// </summary>
    private static string ProjectionInput(Dictionary<string, NodeProto> producers, ILookup<string, NodeProto> readers, NodeProto add)
    {
        foreach (var branch in add.Input)
        {
            var conv = producers[branch].Input[0] is var convOutput && producers.TryGetValue(convOutput, out var c) ? c : null;
            if (conv is { OpType: "Conv" } && readers[conv.Input[0]].Count() >= 2)
            {
                return conv.Input[0];
            }
        }
        throw new InvalidOperationException($"{add.Name}: neither branch reads the block's input directly.");
    }
}

using Onnx;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Student;

/// <summary>
/// A student cut from the teacher itself: the first <c>k</c> residual blocks of each stage are kept with the
/// teacher's ImageNet weights, the rest removed, and the teacher's GeM + L2N head reused. Identity blocks refine
/// features without changing their shape, so each removed one is bridged by wiring its readers to its input; the
/// network stays valid at once and starts near the teacher's features, which regression then pulls back into the
/// teacher's space. Cheaper in proportion to the blocks removed, and made of dense convolutions that ONNX
/// Runtime's int8 kernels speed up well.
/// </summary>
public static class DepthPrunedStudent
{
    /// <summary>Keeps <paramref name="blocksPerStage"/>[s] leading blocks of stage s; throws with the stage named when a count is impossible.</summary>
    public static ModelProto Build(ModelProto teacher, IReadOnlyList<int> blocksPerStage, string graphName)
    {
        var model = teacher.Clone();
        var graph = model.Graph;
        var stages = ResidualStages.Find(graph);
        Validate(stages, blocksPerStage);
        for (var s = 0; s < stages.Count; s++)
        {
            // Last first: a block's recorded input is the previous block's output, which must still be wired when it is read.
            foreach (var block in stages[s].Blocks.Skip(blocksPerStage[s]).Reverse())
            {
                Bypass(graph, block);
            }
        }
        OnnxGraphs.RemoveDeadNodes(graph);
        graph.Name = graphName;
        return model;
    }

    /// <summary>Blocks per stage written as the architecture line names them: "2-2-2-3".</summary>
    public static string Describe(IReadOnlyList<int> blocksPerStage) => string.Join('-', blocksPerStage);

    /// <summary>Blocks per stage of <paramref name="graph"/>.</summary>
    public static IReadOnlyList<int> BlocksPerStage(GraphProto graph) => ResidualStages.Find(graph).Select(s => s.Blocks.Count).ToList();

    /// <summary>The conventional name "ResNet-N": N counts the stem conv, two convs per kept block and the classifier.</summary>
    public static int WeightLayers(IReadOnlyList<int> blocksPerStage) => 2 + 2 * blocksPerStage.Sum();

    private static void Validate(IReadOnlyList<ResidualStage> stages, IReadOnlyList<int> blocksPerStage)
    {
        if (stages.Count == 0)
        {
            throw new ArgumentException("The teacher graph has no residual blocks (Add → Relu with a Conv or BatchNormalization branch).");
        }
        if (blocksPerStage.Count != stages.Count)
        {
            throw new ArgumentException(
                $"The teacher has {stages.Count} stages ({Describe(stages.Select(s => s.Blocks.Count).ToList())} blocks); {blocksPerStage.Count} counts were given.");
        }
        for (var s = 0; s < stages.Count; s++)
        {
            var blocks = stages[s].Blocks;
            // A projection block changes resolution and width; without it the next layer would get the wrong shape.
            var minimum = blocks[0].IdentityShortcut ? 0 : 1;
            if (blocksPerStage[s] < minimum || blocksPerStage[s] > blocks.Count)
            {
                throw new ArgumentException(
                    $"Stage {s + 1} has {blocks.Count} blocks{(minimum == 1 ? ", the first a projection that must stay" : "")}: keep {minimum}–{blocks.Count}, not {blocksPerStage[s]}.");
            }
        }
    }

    private static void Bypass(GraphProto graph, ResidualBlock block)
    {
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == block.Output)
                {
                    node.Input[i] = block.Input;
                }
            }
        }
    }
}

namespace RetrievalService.ModelPipeline.Student;

/// <summary>
/// One residual block of a ResNet graph: <c>Relu(Add(F(x), shortcut(x)))</c>.
/// </summary>
/// <param name="AddNode">Name of the block's Add node.</param>
/// <param name="Input">The tensor the block reads (x).</param>
/// <param name="Output">The block's output tensor (the Relu after the Add).</param>
/// <param name="IdentityShortcut">
/// True when the shortcut is x itself, so the block maps [C, h, w] to [C, h, w] and can be removed by wiring its
/// readers to x; false for a projection block (strided 1×1 conv shortcut), which changes shape and must stay.
/// </param>
public sealed record ResidualBlock(string AddNode, string Input, string Output, bool IdentityShortcut);

/// <summary>A stage: a run of blocks at one resolution, opened by a projection block (except the first stage).</summary>
public sealed record ResidualStage(IReadOnlyList<ResidualBlock> Blocks);

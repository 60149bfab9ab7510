namespace RetrievalService.DatasetTool.Splits;

/// <summary>The split folder names every dataset uses.</summary>
public static class SplitNames
{
    /// <summary>Instances a model may be fitted on.</summary>
    public const string Train = "train";

    /// <summary>Instances for choosing settings and checkpoints.</summary>
    public const string Val = "val";

    /// <summary>Instances for reported numbers only.</summary>
    public const string Test = "test";

    /// <summary>All splits in their conventional order.</summary>
    public static readonly IReadOnlyList<string> All = [Train, Val, Test];
}

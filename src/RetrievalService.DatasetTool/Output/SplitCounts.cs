namespace RetrievalService.DatasetTool.Output;

/// <summary>Size of one split; positives and junk are summed over its queries.</summary>
public sealed record SplitCounts(string Split, int Instances, int Queries, int Gallery, int Easy, int Hard, int Junk);

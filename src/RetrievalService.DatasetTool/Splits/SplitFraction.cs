namespace RetrievalService.DatasetTool.Splits;

/// <summary>A split and the share of instances it receives.</summary>
public sealed record SplitFraction(string Split, double Fraction);

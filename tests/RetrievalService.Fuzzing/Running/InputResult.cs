namespace RetrievalService.Fuzzing.Running;

/// <summary>
/// One input's outcome and cost. <see cref="Detail"/> is the rejection reason or the exception type.
/// <see cref="AllocatedBytes"/> counts managed allocations on the calling thread; <see cref="RssGrowthBytes"/> is how far
/// the process's peak resident set rose above its resident set before the input (native buffers included), when measured.
/// </summary>
public sealed record InputResult(
    long Index, string Label, int Bytes, Outcome Outcome, string Detail, string? Message,
    double Milliseconds, long AllocatedBytes, long? RssGrowthBytes, long? PeakRssBytes);

namespace RetrievalService.Fuzzing.Running;

/// <summary>
/// When one input counts as a finding even though it decoded or was rejected: it took too long, allocated too much
/// managed memory, or pushed the resident set up too far. The defaults are the bars the image pipeline is held to.
/// </summary>
public sealed record SuspectThresholds(double Milliseconds = 200, long AllocatedBytes = 64L << 20, long RssGrowthBytes = 64L << 20)
{
    public IEnumerable<string> Breaches(InputResult result)
    {
        if (result.Outcome is Outcome.Failed or Outcome.Crashed or Outcome.Hung)
        {
            yield return $"{result.Outcome.ToString().ToLowerInvariant()} ({result.Detail})";
        }
        if (result.Milliseconds > Milliseconds)
        {
            yield return $"{result.Milliseconds:F0} ms";
        }
        if (result.AllocatedBytes > AllocatedBytes)
        {
            yield return $"{result.AllocatedBytes / 1048576.0:F0} MiB managed";
        }
        if (result.RssGrowthBytes > RssGrowthBytes)
        {
            yield return $"+{result.RssGrowthBytes / 1048576.0:F0} MiB resident";
        }
    }
}

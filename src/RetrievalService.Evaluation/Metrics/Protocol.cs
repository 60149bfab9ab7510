using RetrievalService.Evaluation.Datasets;

namespace RetrievalService.Evaluation.Metrics;

/// <summary>The three revisited Oxford/Paris protocols (Radenović et al., CVPR 2018).</summary>
public enum Protocol
{
    /// <summary>Positives: easy. Ignored: junk ∪ hard.</summary>
    Easy,

    /// <summary>Positives: easy ∪ hard. Ignored: junk.</summary>
    Medium,

    /// <summary>Positives: hard. Ignored: junk ∪ easy.</summary>
    Hard,
}

/// <summary>Which gallery images count as positive and which are removed from the ranking, per protocol.</summary>
public static class ProtocolSets
{
    /// <summary>The positive and ignored sets of <paramref name="gnd"/> under <paramref name="protocol"/>.</summary>
    public static (HashSet<int> Positives, HashSet<int> Ignored) For(QueryGroundTruth gnd, Protocol protocol)
    {
        ArgumentNullException.ThrowIfNull(gnd);
        return protocol switch
        {
            Protocol.Easy => ([.. gnd.Easy], [.. gnd.Junk, .. gnd.Hard]),
            Protocol.Medium => ([.. gnd.Easy, .. gnd.Hard], [.. gnd.Junk]),
            Protocol.Hard => ([.. gnd.Hard], [.. gnd.Junk, .. gnd.Easy]),
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
        };
    }
}

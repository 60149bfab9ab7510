namespace RetrievalService.DatasetTool.Splits;

/// <summary>
/// Assigns whole instances to splits, so no instance (all its images and queries) is ever in two splits.
/// A seeded shuffle of the ordinal-sorted ids, cut by cumulative rounded fractions: the same ids and seed give
/// the same assignment in any input order.
/// </summary>
public static class InstanceSplitter
{
    /// <summary>Instance id → split, as a list sorted by id.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Assign(
        IEnumerable<string> instanceIds, int seed, IReadOnlyList<SplitFraction> fractions)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fractions.Count);
        var total = fractions.Sum(f => f.Fraction);
        if (fractions.Any(f => f.Fraction < 0) || total <= 0)
        {
            throw new ArgumentException("Split fractions must be non-negative and not all zero.", nameof(fractions));
        }
        var ids = instanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Seeds.For(seed, "instance-split").Shuffle(ids);

        var result = new List<KeyValuePair<string, string>>(ids.Length);
        var (start, cumulative) = (0, 0.0);
        foreach (var fraction in fractions)
        {
            cumulative += fraction.Fraction / total;
            var end = fraction == fractions[^1] ? ids.Length : (int)Math.Round(cumulative * ids.Length);
            result.AddRange(ids[start..end].Select(id => KeyValuePair.Create(id, fraction.Split)));
            start = end;
        }
        return [.. result.OrderBy(pair => pair.Key, StringComparer.Ordinal)];
    }
}

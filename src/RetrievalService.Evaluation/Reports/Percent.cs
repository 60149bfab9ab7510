using System.Globalization;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Formats a 0..1 metric as a percentage with two decimals, as retrieval papers print mAP.</summary>
public static class Percent
{
    /// <summary><c>0.6543</c> → <c>65.43</c>.</summary>
    public static string Format(double fraction) => (100 * fraction).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// mAP of a protocol in percent, or "n/a" when no query had a positive under it (e.g. Hard on a set
    /// without hard positives): printing 0.00 there would read as a total failure.
    /// </summary>
    public static string Map(Metrics.ProtocolResult result) => result.Scored == 0 ? "n/a" : Format(result.MeanAveragePrecision);

    /// <summary>mP@k in percent, "n/a" when no query was scored, "–" when k was not computed.</summary>
    public static string PrecisionAt(Metrics.ProtocolResult result, int k) =>
        result.Scored == 0 ? "n/a" : result.MeanPrecisionAt.TryGetValue(k, out var value) ? Format(value) : "–";
}

using System.Globalization;

namespace RetrievalService.Evaluation.Reports;

/// <summary>Formats a 0..1 metric as a percentage with two decimals, as retrieval papers print mAP.</summary>
public static class Percent
{
    /// <summary><c>0.6543</c> → <c>65.43</c>.</summary>
    public static string Format(double fraction) => (100 * fraction).ToString("0.00", CultureInfo.InvariantCulture);
}

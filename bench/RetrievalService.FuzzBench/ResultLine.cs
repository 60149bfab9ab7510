using System.Globalization;
using RetrievalService.Fuzzing.Running;

namespace RetrievalService.FuzzBench;

/// <summary>One <see cref="InputResult"/> as a tab-separated line: the worker-to-supervisor protocol and the --tsv file.</summary>
internal static class ResultLine
{
    public const string Header = "index\toutcome\tdetail\tms\tallocated_bytes\trss_growth_bytes\tpeak_rss_bytes\tbytes\tlabel\tmessage";

    public static string Format(InputResult r) => string.Join('\t',
        r.Index.ToString(CultureInfo.InvariantCulture), r.Outcome, r.Detail, r.Milliseconds.ToString("F3", CultureInfo.InvariantCulture),
        r.AllocatedBytes.ToString(CultureInfo.InvariantCulture), Optional(r.RssGrowthBytes), Optional(r.PeakRssBytes),
        r.Bytes.ToString(CultureInfo.InvariantCulture), r.Label, r.Message ?? "");

    /// <summary>Null for a line that is not a result (e.g. something a native library printed to stdout).</summary>
    public static InputResult? TryParse(string line)
    {
        var f = line.Split('\t');
        if (f.Length != 10 || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }
        return new InputResult(
            long.Parse(f[0], CultureInfo.InvariantCulture), f[8], int.Parse(f[7], CultureInfo.InvariantCulture), Enum.Parse<Outcome>(f[1]), f[2],
            f[9].Length == 0 ? null : f[9], double.Parse(f[3], CultureInfo.InvariantCulture), long.Parse(f[4], CultureInfo.InvariantCulture),
            ParseOptional(f[5]), ParseOptional(f[6]));
    }

    private static string Optional(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static long? ParseOptional(string text) => text.Length == 0 ? null : long.Parse(text, CultureInfo.InvariantCulture);
}

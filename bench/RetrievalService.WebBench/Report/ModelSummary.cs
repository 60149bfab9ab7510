using RetrievalService.SearchBench;

namespace RetrievalService.WebBench.Report;

/// <summary>One query model's row of the table: percentiles over its photos, on the device and on the server.</summary>
internal sealed record ModelSummary(
    string Model,
    int Measurements,
    double PreprocessP50,
    double InferenceP50,
    double OnDeviceP50,
    double OnDeviceP90,
    double ServerDecodeP50,
    double ServerEmbedP50,
    double ServerP50,
    double ServerP90,
    int SameFirstResult)
{
    /// <summary>How many times the server's single-thread time the device takes, at the median.</summary>
    public double Ratio => OnDeviceP50 / ServerP50;

    public static ModelSummary Of(string model, IReadOnlyList<PhotoMeasurement> rows)
    {
        double P(Func<PhotoMeasurement, double> value, double percentile) => Percentiles.Of([.. rows.Select(value)], percentile);
        return new ModelSummary(
            model,
            rows.Count,
            P(r => r.PreprocessMs, 50),
            P(r => r.InferenceMs, 50),
            P(r => r.OnDeviceMs, 50),
            P(r => r.OnDeviceMs, 90),
            P(r => r.ServerDecodeMs, 50),
            P(r => r.ServerEmbedMs, 50),
            P(r => r.ServerMs, 50),
            P(r => r.ServerMs, 90),
            rows.Count(r => r.SameFirstResult));
    }
}

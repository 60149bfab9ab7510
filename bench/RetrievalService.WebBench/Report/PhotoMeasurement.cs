namespace RetrievalService.WebBench.Report;

/// <summary>
/// One photo with one query model: the device's times (<c>embedOnDevice</c>), the server's for the same photo
/// (<c>timings.decodeMs</c> and <c>embedMs</c>), and the first result of each search: the server's search by photo and
/// the search by the device's vector, with that search's two best scores to tell a near tie from a real difference.
/// </summary>
internal sealed record PhotoMeasurement(
    string Photo,
    int Bytes,
    string Size,
    double PreprocessMs,
    double InferenceMs,
    double ServerDecodeMs,
    double ServerEmbedMs,
    string? ServerFirst,
    string? OnDeviceFirst,
    double OnDeviceFirstScore,
    double OnDeviceSecondScore)
{
    public double OnDeviceMs => PreprocessMs + InferenceMs;

    public double ServerMs => ServerDecodeMs + ServerEmbedMs;

    public bool SameFirstResult => ServerFirst is not null && ServerFirst == OnDeviceFirst;
}

namespace RetrievalService.DecodeBench.Measurement;

/// <summary>What one library did on one cell of the set, measured in a process of its own.</summary>
internal sealed record DecoderTiming(
    string Library,
    string Folder,
    int Files,
    int Samples,
    double P50Ms,
    double P99Ms,
    double MeanMs,
    double CpuP50Ms,
    long PeakResidentDeltaBytes,
    bool PeakWasReset,
    double ManagedBytesPerImage,
    string DecodedAt);

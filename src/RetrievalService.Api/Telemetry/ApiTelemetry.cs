using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RetrievalService.Api.Telemetry;

/// <summary>
/// The host's one <see cref="ActivitySource"/> and one <see cref="Meter"/> (exported at <c>/metrics</c>). Request latency
/// comes from ASP.NET Core's own <c>http.server.request.duration</c>; these add the stages a request is made of.
/// </summary>
public sealed class ApiTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "RetrievalService.Api";

    /// <summary>Spans for decode, embed, search and index.</summary>
    public static readonly ActivitySource Source = new(Name);

    // Inference runs from about a millisecond (GPU, small batch) to seconds (CPU, large batch).
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> embedDuration;
    private readonly Histogram<double> searchDuration;
    private readonly Histogram<int> batchSize;
    private readonly Counter<long> indexedImages;
    private readonly Meter meter;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public ApiTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        meter = meterFactory.Create(Name);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets };
        embedDuration = meter.CreateHistogram("retrieval.embed.duration", "s",
            "Query embedding time: batching queue wait plus inference.", advice: advice);
        searchDuration = meter.CreateHistogram("retrieval.search.duration", "s",
            "k-NN query time in PostgreSQL + pgvector.", advice: advice);
        batchSize = meter.CreateHistogram<int>("retrieval.embed.batch_size", "{image}",
            "Queries embedded together in one model call.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });
        indexedImages = meter.CreateCounter<long>("retrieval.indexed.images", "{image}",
            "Images handled by /index, by outcome (stored, unchanged, rejected).");
    }

    /// <summary>
    /// Publishes the served galleries' sizes (tagged <c>teacher</c> and <c>live</c>) and, during a teacher upgrade, how many
    /// images keep the rebuilt gallery from a switch (missing, stale or extra, tagged <c>teacher</c>), read at each scrape
    /// from the last measurement.
    /// </summary>
    public void ObserveGalleries(Func<IEnumerable<Measurement<long>>> images, Func<IEnumerable<Measurement<long>>> upgradeRemaining)
    {
        meter.CreateObservableGauge("retrieval.gallery.images", images, "{image}",
            "Images in each served teacher's gallery, at the last measurement.");
        meter.CreateObservableGauge("retrieval.gallery.upgrade.remaining", upgradeRemaining, "{image}",
            "Images the rebuilt gallery still lacks, holds with other content or metadata, or holds in excess of the live one; 0 when a switch would be accepted.");
    }

    /// <summary>Records one query's embed stage.</summary>
    public void RecordEmbed(string modelId, TimeSpan elapsed) =>
        embedDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("model", modelId));

    /// <summary>Records one k-NN query.</summary>
    public void RecordSearch(string modelId, TimeSpan elapsed) =>
        searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("model", modelId));

    /// <summary>Records one model call of the batching queue.</summary>
    public void RecordBatch(string modelId, int size) =>
        batchSize.Record(size, new KeyValuePair<string, object?>("model", modelId));

    /// <summary>Counts indexed images by outcome.</summary>
    public void RecordIndexed(string status, int count)
    {
        if (count > 0)
        {
            indexedImages.Add(count, new KeyValuePair<string, object?>("status", status));
        }
    }
}

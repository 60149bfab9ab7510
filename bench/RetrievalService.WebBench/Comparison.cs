using System.Globalization;
using RetrievalService.WebBench.Browser;
using RetrievalService.WebBench.Report;
using RetrievalService.WebBench.Service;

namespace RetrievalService.WebBench;

/// <summary>
/// One query model over every photo, in three phases that never overlap, because the browser and the API share the
/// machine's cores: the device embeds every photo, then the server searches every photo, then the device's vectors are
/// searched. Each side first runs the warm-up photos unmeasured (the first device run also downloads and compiles
/// the model).
/// </summary>
internal sealed class Comparison(OnDeviceEmbedder device, SearchClient server, int warmupRuns, int repeat, Action<string> progress)
{
    // k = 1 for the timed searches, as a client that wants one match asks; 5 for the vector search, whose second score
    // tells a near tie from a real difference when the first results differ.
    private const int TimedK = 1;
    private const int VectorK = 5;

    public async Task<IReadOnlyList<PhotoMeasurement>> MeasureAsync(string model, IReadOnlyList<QueryPhoto> photos)
    {
        var runs = Enumerable.Repeat(photos, repeat).SelectMany(p => p).ToList();
        for (var i = 0; i < warmupRuns; i++)
        {
            var photo = photos[i % photos.Count];
            await device.EmbedAsync(photo.Bytes, photo.MediaType, model);
        }
        var embeddings = new List<OnDeviceEmbedding>();
        foreach (var photo in runs)
        {
            embeddings.Add(await device.EmbedAsync(photo.Bytes, photo.MediaType, model));
            progress(Invariant($"{model} on the device: {photo.Name} {embeddings[^1].PreprocessMs:F0} + {embeddings[^1].InferenceMs:F0} ms"));
        }

        for (var i = 0; i < warmupRuns; i++)
        {
            var photo = photos[i % photos.Count];
            await server.ByPhotoAsync(photo.Bytes, photo.Name, photo.MediaType, model, TimedK);
        }
        var answers = new List<SearchAnswer>();
        foreach (var photo in runs)
        {
            answers.Add(await server.ByPhotoAsync(photo.Bytes, photo.Name, photo.MediaType, model, TimedK));
            progress(Invariant($"{model} on the server: {photo.Name} {answers[^1].DecodeMs:F0} + {answers[^1].EmbedMs:F0} ms"));
        }

        var measurements = new List<PhotoMeasurement>();
        for (var i = 0; i < runs.Count; i++)
        {
            var byVector = await server.ByVectorAsync(embeddings[i].Embedding, model, VectorK);
            measurements.Add(new PhotoMeasurement(
                runs[i].Name, runs[i].Bytes.Length, embeddings[i].Size, embeddings[i].PreprocessMs, embeddings[i].InferenceMs,
                answers[i].DecodeMs, answers[i].EmbedMs, answers[i].FirstId, byVector.FirstId, byVector.FirstScore, byVector.SecondScore));
        }
        progress($"{model}: the device's vector found the server's first result for {measurements.Count(m => m.SameFirstResult)} of {measurements.Count} photos");
        return measurements;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using RetrievalService.Embedding.Inference;

namespace RetrievalService.Evaluation.Running;

/// <summary>
/// Loads each model once per (manifest, thread count) and keeps it for the whole run, so a comparison that
/// uses the teacher in several configurations pays for one session. Not thread-safe; dispose at the end.
/// </summary>
public sealed class ModelLibrary : IDisposable
{
    private readonly Dictionary<(string Path, int Threads), OnnxEmbedder> models = [];

    /// <summary>The model whose manifest is at <paramref name="manifestPath"/>, with <paramref name="intraOpThreads"/> ORT threads.</summary>
    public OnnxEmbedder Get(string manifestPath, int intraOpThreads)
    {
        var key = (Path.GetFullPath(manifestPath), intraOpThreads);
        if (!models.TryGetValue(key, out var model))
        {
            // One inter-op thread: the project's graphs are chains, and extra pools only compete for the cores.
            model = OnnxEmbedder.Load(key.Item1, new InferenceOptions { IntraOpThreads = intraOpThreads, InterOpThreads = 1 });
            models[key] = model;
        }
        return model;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var model in models.Values)
        {
            model.Dispose();
        }
        models.Clear();
    }
}

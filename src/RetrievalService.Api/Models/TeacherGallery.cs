using RetrievalService.Api.Inference;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Indexing.Pipeline;

namespace RetrievalService.Api.Models;

/// <summary>
/// One teacher's gallery as this instance serves it: the teacher (symmetric queries, indexing), its query models with
/// their batching queues, and the indexing pipeline that writes its rows.
/// </summary>
public sealed class TeacherGallery : IAsyncDisposable
{
    private readonly Dictionary<string, EmbeddingQueue> queues;

    internal TeacherGallery(TeacherModels models, EmbeddingQueue teacher, IReadOnlyList<EmbeddingQueue> students, IndexingPipeline indexing)
    {
        Models = models;
        TeacherQueue = teacher;
        Indexing = indexing;
        queues = students.ToDictionary(q => q.Model.Manifest.Id, StringComparer.Ordinal);
    }

    /// <summary>The teacher and its query models' manifests.</summary>
    public TeacherModels Models { get; }

    /// <summary>The teacher's manifest; its id names the gallery.</summary>
    public ModelManifest Teacher => Models.Teacher;

    /// <summary>The teacher's batching queue.</summary>
    public EmbeddingQueue TeacherQueue { get; }

    /// <summary>Writes this gallery's rows with the teacher.</summary>
    public IndexingPipeline Indexing { get; }

    /// <summary>The query models, the default first.</summary>
    public IEnumerable<OnnxEmbedder> QueryModels => Models.Students.Select(s => queues[s.Id].Model);

    /// <summary>The default query model's queue.</summary>
    public EmbeddingQueue DefaultQueue => queues[Models.DefaultStudent.Id];

    /// <summary>The queue of the query model <paramref name="id"/>, or null when it is not fitted to this teacher.</summary>
    public EmbeddingQueue? FindQueue(string id) => queues.GetValueOrDefault(id);

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in queues.Values.Prepend(TeacherQueue))
        {
            await queue.DisposeAsync();
            queue.Model.Dispose();
        }
    }
}

using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Inference;
using RetrievalService.Api.Telemetry;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Indexing;
using RetrievalService.Indexing.Pipeline;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Models;

/// <summary>
/// The teachers' galleries this instance serves (<c>Models:Teacher</c>, and <c>Models:Next</c> during an upgrade) and
/// which of them is live. Every request takes the live gallery once and does all its work in it, so an answer never
/// mixes two teachers' spaces, whenever the switch happens. Writes go to the live gallery and, during an upgrade, first to
/// the other served one, so that neither misses anything uploaded meanwhile, whichever way a switch goes.
/// </summary>
public sealed class Galleries : IAsyncDisposable
{
    private readonly ILogger<Galleries> logger;
    private readonly Lock publishing = new();
    private volatile Snapshot live;
    private volatile GalleryProgress? progress;

    /// <summary>Loads and verifies every configured teacher and query model; the current teacher's gallery is live until <see cref="Publish"/>.</summary>
    public Galleries(
        ModelCatalog catalog, GalleryStore store, ImagePipeline images, IOptions<InferenceOptions> inference, IOptions<BatchingOptions> batching,
        IOptions<IndexingOptions> indexing, ApiTelemetry telemetry, ILoggerFactory loggers)
    {
        logger = loggers.CreateLogger<Galleries>();
        EmbeddingQueue Queue(string id) => new(
            OnnxEmbedder.Load(catalog.ManifestPath(id), inference.Value, loggers.CreateLogger<OnnxEmbedder>()),
            batching.Value, telemetry, loggers.CreateLogger<EmbeddingQueue>());
        TeacherGallery Load(TeacherModels models)
        {
            var teacher = Queue(models.Teacher.Id);
            return new TeacherGallery(models, teacher, [.. models.Students.Select(s => Queue(s.Id))],
                new IndexingPipeline(teacher.Model, images, store, indexing.Value, loggers.CreateLogger<IndexingPipeline>()));
        }
        Current = Load(catalog.Current);
        Next = catalog.Next is null ? null : Load(catalog.Next);
        Retired = catalog.Retired;
        live = new Snapshot(null, Current);
    }

    /// <summary><c>Models:Teacher</c>'s gallery.</summary>
    public TeacherGallery Current { get; }

    /// <summary><c>Models:Next</c>'s gallery, being rebuilt or already live; null when no upgrade is configured.</summary>
    public TeacherGallery? Next { get; }

    /// <summary>Every served gallery, the current one first.</summary>
    public IEnumerable<TeacherGallery> All => Next is null ? [Current] : [Current, Next];

    /// <summary>Retired query model ids and their replacements.</summary>
    public IReadOnlyDictionary<string, string> Retired { get; }

    /// <summary>The live gallery as last read from the database; null before start-up has read it.</summary>
    public LiveGallery? LiveState => live.State;

    /// <summary>The last measurement of the galleries; null before the first.</summary>
    public GalleryProgress? Progress
    {
        get => progress;
        internal set => progress = value;
    }

    /// <summary>The gallery that answers searches.</summary>
    /// <exception cref="ApiProblemException">503 <c>gallery-not-served</c>: the live gallery is of a teacher this instance does not load.</exception>
    public TeacherGallery Live => Served(live);

    /// <summary>The gallery being rebuilt for the next teacher, while it is not live; null otherwise.</summary>
    public TeacherGallery? Pending => PendingIn(live);

    /// <summary>
    /// Where a write goes: during an upgrade every served gallery, the ones that do not answer first (so a switch between
    /// the writes finds the image in the gallery it makes live, and a switch back finds it in the old one), the live one
    /// last; otherwise the live gallery alone.
    /// </summary>
    /// <exception cref="ApiProblemException">503 <c>gallery-not-served</c>.</exception>
    public IReadOnlyList<TeacherGallery> WriteTargets
    {
        get
        {
            var gallery = Served(live);
            return Next is null ? [gallery] : [.. All.Where(g => !ReferenceEquals(g, gallery)), gallery];
        }
    }

    /// <summary>The served gallery of <paramref name="teacherId"/>, or null.</summary>
    public TeacherGallery? Find(string teacherId) => All.FirstOrDefault(g => g.Teacher.Id == teacherId);

    /// <summary>
    /// Follows the database's live gallery; a teacher this instance does not load leaves it answering 503. A state older
    /// than the one held (a read that began before a switch this instance made) is ignored, so the live gallery only moves forward.
    /// </summary>
    public void Publish(LiveGallery state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Snapshot previous;
        lock (publishing)
        {
            previous = live;
            if (previous.State is not null && state.SwitchedAt < previous.State.SwitchedAt)
            {
                return;
            }
            live = new Snapshot(state, Find(state.ModelId));
        }
        if (previous.State is not null && previous.State.ModelId != state.ModelId)
        {
            ApiLog.LiveGalleryChanged(logger, previous.State.ModelId, state.ModelId, live.Gallery is not null);
        }
    }

    /// <summary>
    /// The live gallery and the queue of the query model <paramref name="id"/> in it (the default one when null).
    /// </summary>
    /// <exception cref="ApiProblemException">
    /// 410 <c>model-retired</c>: retired, or fitted to a teacher whose gallery was replaced; 409 <c>model-not-live</c>: fitted
    /// to the teacher whose gallery is being rebuilt; 400 <c>unknown-model</c>: not served; 503 when the live gallery is not served here.
    /// </exception>
    public (TeacherGallery Gallery, EmbeddingQueue Queue) QueryModel(string? id)
    {
        // One read of the live state, so the gallery and the verdict on the other one agree whenever a switch lands.
        var snapshot = live;
        var gallery = Served(snapshot);
        if (id is null)
        {
            return (gallery, gallery.DefaultQueue);
        }
        if (gallery.FindQueue(id) is { } queue)
        {
            return (gallery, queue);
        }
        if (All.FirstOrDefault(g => g.FindQueue(id) is not null) is { } other)
        {
            throw ReferenceEquals(other, PendingIn(snapshot))
                ? new ApiProblemException(StatusCodes.Status409Conflict, ProblemCodes.ModelNotLive, "The query model's gallery is not live yet.",
                    $"The query model '{id}' is fitted to the teacher '{other.Teacher.Id}', whose gallery is still being built; until it is switched live, use {gallery.Models.StudentList}.")
                : Gone(id, $"it is fitted to the teacher '{other.Teacher.Id}', whose gallery was replaced by '{gallery.Teacher.Id}'", gallery.Models.DefaultStudent.Id);
        }
        if (Retired.TryGetValue(id, out var replacement))
        {
            throw Gone(id, "it is retired", replacement);
        }
        throw ApiProblemException.BadRequest(ProblemCodes.UnknownModel, $"No query model '{id}' is served here; the served ones are {gallery.Models.StudentList}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gallery in All)
        {
            await gallery.DisposeAsync();
        }
    }

    private TeacherGallery Served(Snapshot snapshot) => snapshot.Gallery ?? throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable,
        ProblemCodes.GalleryNotServed, "This instance does not serve the live gallery.",
        $"The live gallery is '{snapshot.State!.ModelId}''s, whose teacher this instance does not load (it serves {string.Join(", ", All.Select(g => $"'{g.Teacher.Id}'"))}). " +
        "Retry on another instance; the operator must restart this one with Models:Teacher set to the live teacher.");

    private TeacherGallery? PendingIn(Snapshot snapshot) => Next is { } next && !ReferenceEquals(snapshot.Gallery, next) ? next : null;

    private static ApiProblemException Gone(string id, string why, string replacement) =>
        new(StatusCodes.Status410Gone, ProblemCodes.ModelRetired, "The query model is retired.",
            $"The query model '{id}' is no longer served ({why}); use '{replacement}' (GET /models lists the served ones with their manifests).");

    // The database's row and the gallery it names, swapped together so a reader never sees one without the other.
    private sealed record Snapshot(LiveGallery? State, TeacherGallery? Gallery);
}

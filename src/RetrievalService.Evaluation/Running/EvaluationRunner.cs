using System.Diagnostics;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Metrics;
using RetrievalService.Evaluation.Reports;
using RetrievalService.Evaluation.Search;

namespace RetrievalService.Evaluation.Running;

/// <summary>
/// Runs one evaluation: read and validate the dataset, embed gallery and queries (or read them from the cache),
/// optionally whiten, search exhaustively (optionally expanding the queries and searching again) and score with the
/// revisited protocols.
/// </summary>
public sealed class EvaluationRunner(ModelLibrary models, IEvaluationObserver observer)
{
    /// <summary>Evaluates <paramref name="request"/>.</summary>
    /// <exception cref="DatasetFormatException">The ground truth cannot be read.</exception>
    /// <exception cref="DatasetInvalidException">The dataset has errors (bad index, missing file, …).</exception>
    /// <exception cref="ImageEmbeddingException">An image could not be decoded or embedded.</exception>
    public async Task<EvaluationReport> RunAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var dataset = DatasetReader.Read(request.Dataset);
        var warnings = CheckDataset(dataset);
        var galleryModel = models.Get(request.GalleryManifest, request.Threads);
        var queryModel = request.QueryManifest is null ? galleryModel : models.Get(request.QueryManifest, request.Threads);
        warnings.AddRange(CompatibilityWarnings(galleryModel, queryModel));
        var gallerySettings = GallerySettings(request, galleryModel);
        var querySettings = ExtractionSettings.SingleScale(request.QuerySize ?? request.GallerySize ?? queryModel.Manifest.Input.RecommendedLongerSide);
        var cache = request.CacheDirectory is null ? null : new EmbeddingCache(request.CacheDirectory);
        var store = new EmbeddingStore(cache, new ImagePipeline(ImageDecodeLimits.LocalFiles), new PipelineOptions(request.DecodeWorkers), observer);
        var gallery = await store.GetAsync(galleryModel, dataset, "gallery", ImageJob.Gallery(dataset), gallerySettings, cancellationToken);
        var queries = await store.GetAsync(queryModel, dataset, "queries", ImageJob.Queries(dataset), querySettings, cancellationToken);
        var (galleryVectors, queryVectors) = (gallery.Vectors, queries.Vectors);
        if (request.WhitenOn is not null)
        {
            var whitening = await WhiteningTrainer.LearnAsync(store, galleryModel, request.WhitenOn, gallerySettings, observer, cancellationToken);
            (galleryVectors, queryVectors) = (whitening.Apply(galleryVectors), whitening.Apply(queryVectors));
        }
        if (request.QueryExpansion is { } expansion)
        {
            queryVectors = expansion.Expand(galleryVectors, queryVectors);
        }
        var metrics = RevisitedEvaluation.Evaluate(ExactSearch.Rank(galleryVectors, queryVectors), dataset.GroundTruth);
        var agreement = ReferenceEquals(galleryModel, queryModel)
            ? null
            : await MeasureAgreementAsync(store, dataset, (galleryModel, gallerySettings, gallery), queryModel, querySettings, cancellationToken);
        return new EvaluationReport
        {
            Dataset = new DatasetSummary(dataset.Name, ReportPaths.Display(dataset.GroundTruthFile), dataset.Images.Count, dataset.Queries.Count),
            Mode = ReferenceEquals(galleryModel, queryModel) ? "symmetric" : "asymmetric",
            Gallery = Summary(galleryModel, gallerySettings, gallery),
            Queries = Summary(queryModel, querySettings, queries),
            Whitening = request.WhitenOn is null ? null : ReportPaths.Display(Path.GetFullPath(request.WhitenOn)),
            QueryExpansion = request.QueryExpansion?.Describe(),
            Metrics = metrics,
            Agreement = agreement,
            ImagesEmbedded = store.ImagesEmbedded,
            Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds,
            Warnings = warnings,
        };
    }

    // Measured on the gallery's photos (the set's real images, not the query crops), both models at the query side's
    // settings, so it says how the query model would stand in for the teacher on exactly these photos.
    private static async Task<TeacherAgreement> MeasureAgreementAsync(EmbeddingStore store, RetrievalDataset dataset,
        (OnnxEmbedder Model, ExtractionSettings Settings, EmbeddingSet Vectors) teacher, OnnxEmbedder queryModel,
        ExtractionSettings querySettings, CancellationToken cancellationToken)
    {
        var jobs = ImageJob.Gallery(dataset);
        var teacherVectors = teacher.Settings.Describe() == querySettings.Describe()
            ? teacher.Vectors
            : await store.GetAsync(teacher.Model, dataset, "gallery", jobs, querySettings, cancellationToken);
        var queryVectors = await store.GetAsync(queryModel, dataset, "gallery", jobs, querySettings, cancellationToken);
        return TeacherAgreement.Measure(queryVectors.Vectors, teacherVectors.Vectors);
    }

    private List<string> CheckDataset(RetrievalDataset dataset)
    {
        var problems = DatasetValidator.Validate(dataset);
        DatasetValidator.ThrowOnErrors(problems);
        var warnings = problems.Select(p => p.ToString()).ToList();
        warnings.ForEach(observer.Note);
        return warnings;
    }

    private List<string> CompatibilityWarnings(OnnxEmbedder gallery, OnnxEmbedder query)
    {
        if (gallery.Dimension != query.Dimension)
        {
            throw new ModelRejectedException(query.Manifest.Id,
                $"it returns {query.Dimension}-d vectors, the gallery model '{gallery.Manifest.Id}' {gallery.Dimension}-d: they cannot share an index.");
        }
        var warnings = new List<string>();
        // Unlike the API, which refuses such a pair, an evaluation may measure how far an incompatible query model is
        // from the gallery's space, so it only warns.
        if (!ReferenceEquals(gallery, query) && ModelCompatibility.Incompatibility(gallery.Manifest, query.Manifest) is not null)
        {
            warnings.Add($"warning: the query model '{query.Manifest.Id}' does not declare compatibility with '{gallery.Manifest.Id}' (sha256 {gallery.Manifest.Sha256[..12]}…); evaluating anyway.");
        }
        warnings.ForEach(observer.Note);
        return warnings;
    }

    private static ExtractionSettings GallerySettings(EvaluationRequest request, OnnxEmbedder model)
    {
        var side = request.GallerySize ?? model.Manifest.Input.RecommendedLongerSide;
        return request.MultiScale ? ExtractionSettings.MultiScale(side) : ExtractionSettings.SingleScale(side);
    }

    private static SideSummary Summary(OnnxEmbedder model, ExtractionSettings settings, EmbeddingSet set) =>
        new(model.Manifest.Id, model.Manifest.Sha256, settings.Describe(), set.FromCache, set.CacheFile is { } file ? ReportPaths.Display(file) : null);
}

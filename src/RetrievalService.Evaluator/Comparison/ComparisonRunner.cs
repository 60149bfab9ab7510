using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Reports;
using RetrievalService.Evaluation.Running;

namespace RetrievalService.Evaluator.Comparison;

/// <summary>
/// Runs teacher→teacher, then for each student student→student and student→teacher, on one dataset, with one
/// model library and one cache, so the teacher's gallery is embedded once for all rows.
/// </summary>
internal sealed class ComparisonRunner(ModelLibrary models, IEvaluationObserver observer)
{
    public async Task<ComparisonReport> RunAsync(EvaluationRequest template, IReadOnlyList<string> students, int costQueries, CancellationToken cancellationToken)
    {
        var runner = new EvaluationRunner(models, observer);
        var teacher = template.GalleryManifest;
        var configurations = new List<(string Query, string Gallery)> { (teacher, teacher) };
        configurations.AddRange(students.SelectMany(s => new[] { (s, s), (s, teacher) }));
        var costs = new Dictionary<string, QueryCost>();
        var rows = new List<ComparisonRow>();
        EvaluationReport? last = null;
        foreach (var (query, gallery) in configurations)
        {
            var request = template with { GalleryManifest = gallery, QueryManifest = query == gallery ? null : query };
            last = await runner.RunAsync(request, cancellationToken);
            if (!costs.TryGetValue(query, out var cost))
            {
                cost = MeasureCost(query, template, costQueries);
                costs[query] = cost;
            }
            rows.Add(new ComparisonRow(last.Queries.ModelId, last.Gallery.ModelId, last.Mode, last.Metrics, cost, last.Agreement));
        }
        return new ComparisonReport
        {
            Dataset = last!.Dataset,
            Teacher = ModelManifestJson.Load(teacher).Id,
            Rows = rows,
            Protocol = Protocol(template),
            CostMethod = $"mean ONNX Runtime run time over up to {costQueries} of the dataset's cropped queries after one warm-up, 1 intra-op thread, "
                + $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; MACs by ModelCost at the same tensor sizes",
        };
    }

    private static string Protocol(EvaluationRequest template) => string.Join("; ",
        template.MultiScale ? "multi-scale gallery (1, 1/√2, 1/2)" : "single-scale gallery",
        template.WhitenOn is { } whitening ? $"whitening learned on {ReportPaths.Display(Path.GetFullPath(whitening))}" : "no whitening",
        template.QueryExpansion?.Describe() ?? "no query expansion");

    private QueryCost MeasureCost(string manifestPath, EvaluationRequest template, int costQueries)
    {
        // Cost is always single-threaded, whatever --threads the evaluation used, so numbers compare across machines' core counts.
        var model = models.Get(manifestPath, intraOpThreads: 1);
        var dataset = DatasetReader.Read(template.Dataset);
        var side = template.QuerySize ?? template.GallerySize ?? model.Manifest.Input.RecommendedLongerSide;
        var (ms, sizes) = QueryCostMeter.Measure(model, dataset, side, costQueries);
        var macs = MacCounter.MeanGigaMacs(manifestPath, sizes, observer.Note);
        observer.Note($"cost: {model.Manifest.Id} {ms:0.0} ms/image over {sizes.Count} queries at {side} px, {macs:0.000} GMACs");
        return new QueryCost(ms, macs, sizes.Count, side);
    }
}

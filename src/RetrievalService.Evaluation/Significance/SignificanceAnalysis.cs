using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Reports;

namespace RetrievalService.Evaluation.Significance;

/// <summary>Compares two reported runs on the dataset they were evaluated on (<see cref="PairedBootstrap"/>).</summary>
public static class SignificanceAnalysis
{
    /// <summary>Checks that both runs scored <paramref name="dataset"/>'s queries and bootstraps every protocol.</summary>
    /// <exception cref="ReportInputException">A run was made on another query set or ground truth.</exception>
    public static SignificanceReport Run(
        RetrievalDataset dataset, (ReportedRun Run, string Path) baseline, (ReportedRun Run, string Path) candidate,
        int resamples, double confidence, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var (run, path) in new[] { baseline, candidate })
        {
            if (run.Dataset.Queries != dataset.Queries.Count || run.Dataset.Images != dataset.Images.Count)
            {
                throw new ReportInputException(
                    $"{path}: {run.Label} was evaluated on {run.Dataset.Queries} queries and {run.Dataset.Images} images ('{run.Dataset.Name}'), " +
                    $"but {ReportPaths.Display(dataset.GroundTruthFile)} has {dataset.Queries.Count} and {dataset.Images.Count}.");
            }
        }
        var clusters = QueryClusters.FromGroundTruth(dataset.GroundTruth);
        var comparisons = new List<MapComparison>();
        foreach (var (a, b) in baseline.Run.Metrics.All.Zip(candidate.Run.Metrics.All))
        {
            if (a.Scored == 0 && b.Scored == 0)
            {
                continue;
            }
            try
            {
                comparisons.Add(PairedBootstrap.Compare(a, b, clusters, resamples, confidence, seed));
            }
            catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
            {
                throw new ReportInputException($"{baseline.Path} and {candidate.Path}, {a.Protocol}: {e.Message}", e);
            }
        }
        return new SignificanceReport
        {
            Dataset = new DatasetSummary(dataset.Name, ReportPaths.Display(dataset.GroundTruthFile), dataset.Images.Count, dataset.Queries.Count),
            Baseline = baseline.Run.Label,
            BaselineReport = baseline.Path,
            Candidate = candidate.Run.Label,
            CandidateReport = candidate.Path,
            Resamples = resamples,
            Confidence = confidence,
            Seed = seed,
            Method = $"paired percentile bootstrap over {clusters.Distinct().Count()} instances (queries that share a listed gallery image), " +
                "both models scored on each draw; a draw's mAP is the mean AP of its queries",
            Protocols = comparisons,
        };
    }
}

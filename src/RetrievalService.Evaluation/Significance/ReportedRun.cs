using System.Text.Json;
using RetrievalService.Evaluation.Metrics;
using RetrievalService.Evaluation.Reports;

namespace RetrievalService.Evaluation.Significance;

/// <summary>One evaluated (query model, gallery model) pair as a JSON report recorded it, with its per-query APs.</summary>
public sealed record ReportedRun(string QueryModel, string GalleryModel, string Mode, DatasetSummary Dataset, RevisitedResult Metrics)
{
    /// <summary>Short label such as <c>student → teacher (asymmetric)</c>.</summary>
    public string Label => $"{QueryModel} → {GalleryModel} ({Mode})";

    /// <summary>
    /// Reads the runs of an <c>evaluate</c> report (one) or a <c>compare</c> report (one per row), in file order.
    /// </summary>
    /// <returns>The runs and the model whose gallery the report searches (the teacher of a comparison).</returns>
    /// <exception cref="ReportInputException">The file is missing, not JSON, or neither kind of report.</exception>
    public static (IReadOnlyList<ReportedRun> Runs, string GalleryModel) Load(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("rows", out _))
            {
                var comparison = JsonSerializer.Deserialize<ComparisonReport>(text, ReportJson.Options) ?? throw new JsonException("the report is null");
                return ([.. comparison.Rows.Select(row => new ReportedRun(row.QueryModel, row.GalleryModel, row.Mode, comparison.Dataset, row.Metrics))],
                    comparison.Teacher);
            }
            var evaluation = JsonSerializer.Deserialize<EvaluationReport>(text, ReportJson.Options) ?? throw new JsonException("the report is null");
            return ([new ReportedRun(evaluation.Queries.ModelId, evaluation.Gallery.ModelId, evaluation.Mode, evaluation.Dataset, evaluation.Metrics)],
                evaluation.Gallery.ModelId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            throw new ReportInputException($"{path}: not a readable evaluator report ({e.Message})", e);
        }
    }

    /// <summary>
    /// Picks one run from a report. <paramref name="selector"/> is <c>QUERY</c> for the query model searching the
    /// report's gallery model (a student against the teacher, or the teacher against itself), <c>QUERY:GALLERY</c>
    /// for any other row, or <c>null</c> when the report holds a single run.
    /// </summary>
    /// <exception cref="ReportInputException">No run, or more than one, matches; the message lists the rows there are.</exception>
    public static ReportedRun Select(string path, string? selector)
    {
        var (runs, reportGallery) = Load(path);
        var matches = selector switch
        {
            null => runs,
            _ when selector.Split(':') is [var query, var gallery] => runs.Where(r => r.QueryModel == query && r.GalleryModel == gallery).ToList(),
            _ => runs.Where(r => r.QueryModel == selector && r.GalleryModel == reportGallery).ToList(),
        };
        if (matches.Count == 1)
        {
            return matches[0];
        }
        var rows = string.Join("; ", runs.Select(r => $"{r.QueryModel}:{r.GalleryModel} ({r.Mode})"));
        var what = selector is null ? "holds more than one row; name one" : $"has no row '{selector}'";
        throw new ReportInputException($"{path} {what}. Its rows, as QUERY:GALLERY: {rows}. QUERY alone means QUERY:{reportGallery}.");
    }
}

using RetrievalService.Evaluation.Reports;
using ScottPlot;

namespace RetrievalService.Evaluator.Comparison;

/// <summary>
/// Cost/accuracy scatter: x = query cost from 0, y = Medium mAP on 0–100 %; colour = query model, shape = mode
/// (circle symmetric, triangle asymmetric). Each point carries a number that the legend spells out, because
/// symmetric and asymmetric rows of one student share their x and often their y.
/// </summary>
internal static class CostAccuracyPlot
{
    public static void Save(ComparisonReport report, string path, bool byMilliseconds)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var queryModels = report.Rows.Select(r => r.QueryModel).Distinct().ToList();
        var points = report.Rows
            .Select((row, i) => (Row: row, Number: i + 1, X: byMilliseconds ? row.QueryCost.MillisecondsPerImage : row.QueryCost.GigaMacs ?? double.NaN,
                Y: 100 * row.Metrics.Medium.MeanAveragePrecision))
            .Where(p => double.IsFinite(p.X))
            .ToList();
        var xMax = Math.Max(points.Count == 0 ? 0 : points.Max(p => p.X), 1e-3) * 1.15;
        for (var i = 0; i < points.Count; i++)
        {
            var (row, number, x, y) = points[i];
            var color = palette.GetColor(queryModels.IndexOf(row.QueryModel));
            // Asymmetric rows are open triangles drawn larger, so a symmetric point at the same spot stays visible inside.
            var marker = row.Mode == "symmetric"
                ? plot.Add.Marker(x, y, MarkerShape.FilledCircle, 12, color)
                : plot.Add.Marker(x, y, MarkerShape.OpenTriangleUp, 22, color);
            marker.LegendText = $"{number}. {row.Label} ({row.Mode}): {y:0.0}";
            // Numbers of points within a few percent of the axes of an earlier point go side by side, not on top.
            var neighbours = points.Take(i).Count(p => Math.Abs(p.X - x) < 0.05 * xMax && Math.Abs(p.Y - y) < 4);
            var label = plot.Add.Text(number.ToString(System.Globalization.CultureInfo.InvariantCulture), x, y);
            label.LabelFontSize = 15;
            label.LabelBold = true;
            label.LabelFontColor = color;
            label.LabelOffsetX = 10 + 16 * neighbours;
            label.LabelOffsetY = -24;
        }
        // Title and axis labels are centred over the axes, which the legend leaves narrow, so they stay short; which
        // gallery each point searched is in its legend entry ("→ teacher" for the triangles).
        plot.Title($"{report.Dataset.Name}: query cost vs. Medium mAP");
        plot.XLabel(byMilliseconds ? "query ms/image (1 ORT thread, this machine)" : "query GMACs per image");
        plot.YLabel("Medium mAP (%)");
        plot.Axes.SetLimits(0, xMax, 0, 105);
        plot.ShowLegend(Edge.Right);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // The legend sits right of the axes (long model ids); the height leaves room for one line per row.
        plot.SavePng(path, 1500, Math.Max(650, 120 + 30 * report.Rows.Count));
    }
}

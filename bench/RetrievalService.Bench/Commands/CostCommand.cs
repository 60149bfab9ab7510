using System.CommandLine;
using System.Text.Json;
using RetrievalService.ModelPipeline.Analysis;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.Bench.Commands;

/// <summary><c>cost</c>: parameters and MACs of every model at 224×224 and 512×512, plus the linear adapter alone.</summary>
internal static class CostCommand
{
    private static readonly int[] Sizes = [224, 512];

    public static Command Create()
    {
        var models = BenchOptions.ModelsDir();
        var json = BenchOptions.Json();
        var command = new Command("cost", "Print parameters and GMACs per image of every model as a Markdown table.") { models, json };
        command.SetAction(parse =>
        {
            var rows = Measure(parse.GetValue(models)!);
            Console.Write(Render(rows));
            if (parse.GetValue(json) is { } file)
            {
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(rows, JsonOutput.Options));
            }
            return 0;
        });
        return command;
    }

    private static List<CostRow> Measure(DirectoryInfo folder)
    {
        var rows = new List<CostRow>();
        foreach (var entry in ModelCatalog.Load(folder))
        {
            Console.Error.WriteLine($"cost: {entry.Manifest.Id}");
            var model = OnnxFiles.Load(entry.OnnxPath);
            rows.Add(CostRow.From(entry.Manifest.Id, entry.Manifest.Role.ToString().ToLowerInvariant(),
                Sizes.Select(size => ModelCost.Measure(model, size, size)).ToArray()));
        }
        // The adapter runs once per image on the pooled vector, so its cost does not depend on the image size.
        var adapter = ModelCost.Measure(AdapterGraph.Build(AdapterGraph.Inputs, AdapterGraph.Outputs), 1, 1);
        rows.Add(CostRow.From($"linear adapter alone ({AdapterGraph.Inputs}×{AdapterGraph.Outputs} + bias)", "head", [adapter, adapter]));
        return rows;
    }

    private static string Render(IEnumerable<CostRow> rows)
    {
        var table = new MarkdownTable(2, "Model", "Role", "Params (M)", "Weights (M)", "GMACs @224²", "GMACs @512²");
        foreach (var row in rows)
        {
            table.Add(row.Model, row.Role, $"{row.Parameters / 1e6:F3}", $"{row.Weights / 1e6:F3}",
                Giga(row.MacsBySize[0]), Giga(row.MacsBySize[1]));
        }
        return table.ToString();
    }

    // Three decimals hide a 0.9 M-MAC adapter; show small values in full.
    private static string Giga(long macs) => macs >= 10_000_000 ? $"{macs / 1e9:F3}" : $"{macs / 1e9:F6}";
}

/// <summary>One row of the <c>cost</c> table; <see cref="MacsBySize"/> follows the 224, 512 order.</summary>
internal sealed record CostRow(string Model, string Role, long Parameters, long Weights, IReadOnlyList<long> MacsBySize)
{
    public static CostRow From(string model, string role, ModelCostReport[] reports) =>
        new(model, role, reports[0].Parameters, reports[0].Weights, [.. reports.Select(r => r.Macs)]);
}

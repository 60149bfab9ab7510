using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Indexer.Hosting;
using RetrievalService.Storage;

namespace RetrievalService.Indexer.Commands;

/// <summary><c>stats</c>: rows, size and HNSW settings per registered model, on stdout.</summary>
internal static class StatsCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a tab-separated table." };
        var command = new Command("stats", "Counts per model (rows, table and HNSW index size, HNSW options, last update).") { json };
        common.AddTo(command);
        command.SetAction((parse, ct) => IndexerHost.RunAsync(common.Configuration(parse, configuration), parse.GetValue(common.Verbose),
            async (services, token) =>
            {
                var stats = await services.GetRequiredService<GalleryStore>().GetStatsAsync(token);
                if (parse.GetValue(json))
                {
                    var rows = stats.Select(s => new
                    {
                        model = s.Model.ModelId, dimension = s.Model.Dimension, vectorType = s.Model.Kind.ToString(), rows = s.Count,
                        tableBytes = s.TableBytes, hnswIndexBytes = s.HnswIndexBytes, hnswOptions = s.HnswOptions, lastUpdatedAt = s.LastUpdatedAt,
                    });
                    Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                    return ExitCodes.Ok;
                }
                Console.WriteLine("model\tdimension\ttype\trows\ttable_mib\thnsw_mib\thnsw_options\tlast_updated");
                foreach (var s in stats)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Model.ModelId}\t{s.Model.Dimension}\t{s.Model.Kind}\t{s.Count}\t{s.TableBytes / 1048576.0:0.0}\t{s.HnswIndexBytes / 1048576.0:0.0}\t{s.HnswOptions ?? "-"}\t{s.LastUpdatedAt?.ToString("O") ?? "-"}"));
                }
                return ExitCodes.Ok;
            }, ct));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Indexer.Hosting;
using RetrievalService.Storage;

namespace RetrievalService.Indexer.Commands;

/// <summary><c>reindex-hnsw</c>: rebuilds a model's HNSW index with the configured m / ef_construction.</summary>
internal static class ReindexHnswCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var model = new Option<string?>("--model") { Description = "Model whose index to rebuild (default: the teacher's id)." };
        var m = new Option<int?>("--m") { Description = "HNSW m (default: GalleryStore:HnswM)." };
        var ef = new Option<int?>("--ef-construction") { Description = "HNSW ef_construction (default: GalleryStore:HnswEfConstruction)." };
        var command = new Command("reindex-hnsw",
            "Rebuild the HNSW index CONCURRENTLY (searches and upserts continue), e.g. after a large first load or to change m / ef_construction.")
        {
            model, m, ef,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var entries = common.Configuration(parse, configuration);
            if (parse.GetValue(m) is { } mValue)
            {
                entries[$"{GalleryStoreOptions.SectionName}:{nameof(GalleryStoreOptions.HnswM)}"] = mValue.ToString(CultureInfo.InvariantCulture);
            }
            if (parse.GetValue(ef) is { } efValue)
            {
                entries[$"{GalleryStoreOptions.SectionName}:{nameof(GalleryStoreOptions.HnswEfConstruction)}"] = efValue.ToString(CultureInfo.InvariantCulture);
            }
            return IndexerHost.RunAsync(entries, parse.GetValue(common.Verbose), async (services, token) =>
            {
                var store = services.GetRequiredService<GalleryStore>();
                var modelId = TeacherIdentity.ModelId(services, parse.GetValue(model));
                var elapsed = await store.RebuildIndexAsync(modelId, token);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{modelId}\tm={store.Options.HnswM}\tef_construction={store.Options.HnswEfConstruction}\t{elapsed.TotalSeconds:0.0} s"));
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }
}

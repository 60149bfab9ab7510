using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Indexer.Hosting;
using RetrievalService.Storage;

namespace RetrievalService.Indexer.Commands;

/// <summary><c>delete &lt;id&gt;...</c>: removes gallery rows of the teacher (or <c>--model</c>).</summary>
internal static class DeleteCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var ids = new Argument<string[]>("id") { Description = "Gallery ids to delete.", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string?>("--model") { Description = "Model whose gallery to delete from (default: the teacher's id)." };
        var command = new Command("delete", "Delete gallery rows by id; prints each id with deleted or absent on stdout.") { ids, model };
        common.AddTo(command);
        command.SetAction((parse, ct) => IndexerHost.RunAsync(common.Configuration(parse, configuration), parse.GetValue(common.Verbose),
            async (services, token) =>
            {
                var store = services.GetRequiredService<GalleryStore>();
                var modelId = TeacherIdentity.ModelId(services, parse.GetValue(model));
                var absent = 0;
                foreach (var id in parse.GetValue(ids)!)
                {
                    var deleted = await store.DeleteAsync(modelId, id, token);
                    absent += deleted ? 0 : 1;
                    Console.WriteLine($"{id}\t{(deleted ? "deleted" : "absent")}");
                }
                // Deleting an absent id is not an error (the end state is what was asked for), so still 0.
                Console.Error.WriteLine($"indexer: deleted {parse.GetValue(ids)!.Length - absent}, absent {absent} (model {modelId})");
                return ExitCodes.Ok;
            }, ct));
        return command;
    }
}

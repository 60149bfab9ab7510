using System.CommandLine;
using RetrievalService.Indexer.Hosting;

namespace RetrievalService.Indexer.Commands;

/// <summary>
/// <c>gallery drop &lt;teacher-id&gt; --yes</c>: deletes a gallery that is not live (its table, vectors and registration)
/// for good; prints the number of images it held on stdout.
/// </summary>
internal static class GalleryDropCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var teacher = GalleryCommand.TeacherArgument("The teacher whose gallery to drop; never the live one.");
        var yes = new Option<bool>("--yes") { Description = "Confirm: the gallery cannot be restored, only indexed again." };
        var command = new Command("drop", "Drop a gallery that is not live, for good; prints how many images it held.") { teacher, yes };
        common.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var modelId = parse.GetValue(teacher)!;
            // Checked before the database is touched: without it nothing happens, whatever the gallery.
            if (!parse.GetValue(yes))
            {
                return Task.FromResult(IndexerErrors.Fail(ExitCodes.Usage,
                    $"dropping the '{modelId}' gallery deletes its vectors for good (only indexing again brings them back); add --yes to confirm."));
            }
            return GalleryCommand.RunAsync(common, parse, configuration, async (store, token) =>
            {
                var images = await store.DropModelAsync(modelId, token);
                Console.WriteLine(images);
                Console.Error.WriteLine($"indexer: dropped the '{modelId}' gallery ({images} images).");
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }
}

using System.CommandLine;
using RetrievalService.Indexer.Hosting;

namespace RetrievalService.Indexer.Commands;

/// <summary>
/// <c>gallery switch &lt;teacher-id&gt;</c>: makes that teacher's gallery live in place of the live one, atomically, only
/// when it holds exactly the live one's images; prints the live teacher on stdout.
/// </summary>
internal static class GallerySwitchCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var target = GalleryCommand.TeacherArgument("The teacher whose gallery becomes live (indexed with 'index --teacher <id>').");
        var command = new Command("switch",
            "Make a teacher's gallery live; refused (exit 5, the differences on stderr) unless it holds exactly the live one's images.") { target };
        common.AddTo(command);
        command.SetAction((parse, ct) => GalleryCommand.RunAsync(common, parse, configuration, async (store, token) =>
        {
            var to = parse.GetValue(target)!;
            if (await store.GetLiveGalleryAsync(token) is not { } live)
            {
                return IndexerErrors.Fail(ExitCodes.InputError, GalleryCommand.NoLiveGallery);
            }
            if (live.ModelId == to)
            {
                Console.WriteLine(to);
                Console.Error.WriteLine($"indexer: the '{to}' gallery is already live; nothing changed.");
                return ExitCodes.Ok;
            }
            var switched = await store.SwitchLiveGalleryAsync(live.ModelId, to, token);
            Console.WriteLine(switched.ModelId);
            Console.Error.WriteLine($"indexer: the live gallery is now '{switched.ModelId}' (was '{live.ModelId}'); " +
                $"'gallery drop {live.ModelId} --yes' removes the old one once nothing serves it.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}

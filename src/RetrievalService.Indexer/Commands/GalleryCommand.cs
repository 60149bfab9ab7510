using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Indexer.Hosting;
using RetrievalService.Storage;

namespace RetrievalService.Indexer.Commands;

/// <summary>
/// <c>gallery status | switch | drop</c>: a teacher upgrade without downtime. The new teacher's gallery is indexed beside
/// the live one (<c>index --teacher &lt;new id&gt;</c>), made live once it holds exactly the live one's images, and the
/// old one is dropped when nothing serves it any more.
/// </summary>
internal static class GalleryCommand
{
    /// <summary>Why there is nothing to compare with or switch from yet, and what declares it.</summary>
    public const string NoLiveGallery =
        "no live gallery is declared yet: the API declares its teacher's gallery (Models:Teacher) live when it starts; " +
        "start it once (after 'indexer index' if no gallery exists yet).";

    public static Command Create(IReadOnlyDictionary<string, string?> configuration) =>
        new("gallery", "Which teacher's gallery answers searches: compare the others with it, switch to a complete one, drop an old one.")
        {
            GalleryStatusCommand.Create(configuration),
            GallerySwitchCommand.Create(configuration),
            GalleryDropCommand.Create(configuration),
        };

    /// <summary>The teacher whose gallery a subcommand acts on.</summary>
    public static Argument<string> TeacherArgument(string description) => new("teacher-id") { Description = description };

    /// <summary>Runs <paramref name="body"/> on the host with its gallery store.</summary>
    public static Task<int> RunAsync(
        CommonOptions common, ParseResult parse, IReadOnlyDictionary<string, string?> configuration,
        Func<GalleryStore, CancellationToken, Task<int>> body, CancellationToken ct) =>
        IndexerHost.RunAsync(common.Configuration(parse, configuration), parse.GetValue(common.Verbose),
            (services, token) => body(services.GetRequiredService<GalleryStore>(), token), ct);
}

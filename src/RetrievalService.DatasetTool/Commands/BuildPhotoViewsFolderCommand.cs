using System.CommandLine;
using RetrievalService.DatasetTool.PhotoViews;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.DatasetTool.Splits;

namespace RetrievalService.DatasetTool.Commands;

/// <summary>
/// <c>build photoviews-folder</c>: photoviews' views and ground truth cut from the photographs under given folders,
/// all in one split. For a validation or test set of photos that no training pool holds, with more instances than
/// photoviews' own val split.
/// </summary>
internal static class BuildPhotoViewsFolderCommand
{
    public const string Name = "photoviews-folder";

    public static Command Create()
    {
        var options = new CommonOptions();
        var images = new Option<DirectoryInfo[]>("--images")
        {
            Description = "Folder of photographs, searched recursively; repeat for several. Every photo (one per near-duplicate family) is one instance.",
            Required = true,
        };
        var split = new Option<string>("--split") { Description = "The split that receives every instance.", DefaultValueFactory = _ => SplitNames.Val };
        split.AcceptOnlyFromAmong([.. SplitNames.All]);
        var viewOptions = new PhotoViewsOptions();
        var command = options.Command(Name, "Photoviews' partial views of the photographs under --images, in one split; ground truth from the views' overlap.",
            images, split, viewOptions.Views, viewOptions.Queries);
        command.SetAction((parse, ct) =>
        {
            // The set is named by its folder (gcompris-views), not by the command that cut it.
            var read = options.Read(parse, Name);
            var context = read with { Dataset = Path.GetFileName(read.OutDir.TrimEnd(Path.DirectorySeparatorChar)) };
            var settings = viewOptions.Read(parse);
            var folders = parse.GetValue(images)!.Select(d => d.FullName).ToList();
            var (photos, skipped) = PhotoFolderSources.Select(folders, context.DebsDir);
            if (photos.Count == 0)
            {
                Console.Error.WriteLine($"No photo under {string.Join(", ", folders)} has a shorter side of at least {PhotoViewsSources.MinSide} px.");
                return Task.FromResult(1);
            }
            var plan = PhotoViewsBuilder.PlanOneSplit(photos, parse.GetValue(split)!, context.Seed, settings);
            var packages = photos.Select(p => p.Photo.Package).Where(p => Directory.Exists(Path.Combine(context.DebsDir, p)));
            var sources = DebianPackageVersions.Records(context.DebsDir, packages);
            return Task.FromResult(BuildOutput.Write(context, [plan], sources, Settings(settings, folders, context.DataDir), skipped, ct));
        });
        return command;
    }

    private static SortedDictionary<string, string> Settings(PhotoViewsSettings s, IEnumerable<string> folders, string dataDir)
    {
        var settings = PhotoViewsOptions.Record(s);
        // Relative to the data folder, so that build.json names no path of one machine.
        settings["folders"] = string.Join(", ", folders.Select(f => Path.GetRelativePath(dataDir, f).Replace('\\', '/')));
        return settings;
    }
}

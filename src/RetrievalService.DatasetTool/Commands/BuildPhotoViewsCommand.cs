using System.CommandLine;
using System.Globalization;
using RetrievalService.DataSources.Photos;
using RetrievalService.DatasetTool.Pairs;
using RetrievalService.DatasetTool.PhotoViews;
using RetrievalService.DatasetTool.Sources;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>build photoviews</c>: partial, warped and recoloured views of the Debian photo pool.</summary>
internal static class BuildPhotoViewsCommand
{
    public const string Name = "photoviews";

    public static Command Create()
    {
        var options = new CommonOptions();
        var viewOptions = new PhotoViewsOptions();
        var command = options.Command(Name, "Partial views of real photographs; ground truth from the views' overlap in the source photo.",
            viewOptions.Views, viewOptions.Queries);
        command.SetAction((parse, ct) =>
        {
            var context = options.Read(parse, Name);
            var settings = viewOptions.Read(parse);
            var pool = PhotoPool.Enumerate(context.DebsDir);
            var (photos, skipped) = PhotoViewsSources.Select(pool, PairCatalog.AllKeys(pool));
            var plans = PhotoViewsBuilder.Plan(photos, context.Seed, settings);
            var sources = DebianPackageVersions.Records(context.DebsDir, photos.Select(p => p.Photo.Package));
            return Task.FromResult(BuildOutput.Write(context, plans, sources, Settings(settings), skipped, ct));
        });
        return command;
    }

    private static SortedDictionary<string, string> Settings(PhotoViewsSettings s)
    {
        var settings = PhotoViewsOptions.Record(s);
        settings["valFraction"] = s.ValFraction.ToString(CultureInfo.InvariantCulture);
        settings["splits"] = "test = held-out packages (PhotoPool.HeldOutPackages minus mrpt-common); train/val = seeded split of the others";
        return settings;
    }
}

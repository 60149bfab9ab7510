using System.CommandLine;
using System.Globalization;
using RetrievalService.DataSources.Photos;
using RetrievalService.DatasetTool.Geometry;
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
        var views = new Option<int>("--views") { Description = "Gallery views per photo (the whole photo included).", DefaultValueFactory = _ => PhotoViewsSettings.Default.GalleryViews };
        var queries = new Option<int>("--queries") { Description = "Query views per photo.", DefaultValueFactory = _ => PhotoViewsSettings.Default.Queries };
        var command = options.Command(Name, "Partial views of real photographs; ground truth from the views' overlap in the source photo.");
        command.Add(views);
        command.Add(queries);
        command.SetAction((parse, ct) =>
        {
            var context = options.Read(parse, Name);
            var settings = PhotoViewsSettings.Default with { GalleryViews = parse.GetValue(views), Queries = parse.GetValue(queries) };
            var pool = PhotoPool.Enumerate(context.DebsDir);
            var (photos, skipped) = PhotoViewsSources.Select(pool, PairCatalog.AllKeys(pool));
            var plans = PhotoViewsBuilder.Plan(photos, context.Seed, settings);
            var sources = DebianPackageVersions.Records(context.DebsDir, photos.Select(p => p.Photo.Package));
            return Task.FromResult(BuildOutput.Write(context, plans, sources, Settings(settings), skipped, ct));
        });
        return command;
    }

    /// <summary>The ground-truth rule as build.json records it.</summary>
    internal static readonly string OverlapRuleText =
        $"visible=|Q∩G|/|Q|, share=|Q∩G|/|G| (source-photo polygons); easy: visible≥{OverlapRule.EasyVisible} and share≥{OverlapRule.EasyShare}; "
        + $"hard: max≥{OverlapRule.HardMax} and min≥{OverlapRule.HardMin}; junk: other views of the same photo";

    private static SortedDictionary<string, string> Settings(PhotoViewsSettings s) => new(StringComparer.Ordinal)
    {
        ["galleryViewsPerPhoto"] = s.GalleryViews.ToString(CultureInfo.InvariantCulture),
        ["queriesPerPhoto"] = s.Queries.ToString(CultureInfo.InvariantCulture),
        ["valFraction"] = s.ValFraction.ToString(CultureInfo.InvariantCulture),
        ["galleryDistribution"] = s.Gallery.ToString(),
        ["queryDistribution"] = s.Query.ToString(),
        ["overlapRule"] = OverlapRuleText,
        ["splits"] = "test = held-out packages (PhotoPool.HeldOutPackages minus mrpt-common); train/val = seeded split of the others",
    };
}

using System.CommandLine;
using System.Globalization;
using RetrievalService.DatasetTool.Geometry;
using RetrievalService.DatasetTool.PhotoViews;

namespace RetrievalService.DatasetTool.Commands;

/// <summary>The view options of the commands that cut photoviews' views, and the view settings as build.json records them.</summary>
internal sealed class PhotoViewsOptions
{
    /// <summary>The ground-truth rule as build.json records it.</summary>
    private static readonly string OverlapRuleText =
        $"visible=|Q∩G|/|Q|, share=|Q∩G|/|G| (source-photo polygons); easy: visible≥{OverlapRule.EasyVisible} and share≥{OverlapRule.EasyShare}; "
        + $"hard: max≥{OverlapRule.HardMax} and min≥{OverlapRule.HardMin}; junk: other views of the same photo";

    public Option<int> Views { get; } = new("--views")
    {
        Description = "Gallery views per photo (the whole photo included).",
        DefaultValueFactory = _ => PhotoViewsSettings.Default.GalleryViews,
    };

    public Option<int> Queries { get; } = new("--queries")
    {
        Description = "Query views per photo.",
        DefaultValueFactory = _ => PhotoViewsSettings.Default.Queries,
    };

    /// <summary>The default settings with the counts of one invocation.</summary>
    public PhotoViewsSettings Read(ParseResult parse) =>
        PhotoViewsSettings.Default with { GalleryViews = parse.GetValue(Views), Queries = parse.GetValue(Queries) };

    /// <summary>How the views were drawn, for build.json; each command adds how it chose and split the photos.</summary>
    public static SortedDictionary<string, string> Record(PhotoViewsSettings s) => new(StringComparer.Ordinal)
    {
        ["galleryViewsPerPhoto"] = s.GalleryViews.ToString(CultureInfo.InvariantCulture),
        ["queriesPerPhoto"] = s.Queries.ToString(CultureInfo.InvariantCulture),
        ["galleryDistribution"] = s.Gallery.ToString(),
        ["queryDistribution"] = s.Query.ToString(),
        ["overlapRule"] = OverlapRuleText,
    };
}

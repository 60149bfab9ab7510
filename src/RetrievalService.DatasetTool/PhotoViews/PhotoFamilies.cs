using System.Text.RegularExpressions;
using RetrievalService.DataSources.Photos;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>
/// Groups near-duplicate pool images (one photo at several sizes, colour variants of one design, with and
/// without a logo) into one instance, so two "different" instances never share content.
/// </summary>
public static partial class PhotoFamilies
{
    // Variant words the packages append to one design's name (Ubuntu-Mate-Dark-no-logo, origami-bright-logo, waves-purple-logo…).
    private static readonly HashSet<string> VariantWords =
        ["dark", "light", "bright", "cold", "warm", "radioactive", "green", "purple", "logo", "no", "lxqt"];

    /// <summary>Instance id: <c>package/family</c>, lower case, file-name safe.</summary>
    public static string InstanceId(PoolPhoto photo) => $"{photo.Package}/{Family(photo.Key)}";

    /// <summary>The family part of <see cref="InstanceId"/> for a pool key.</summary>
    public static string Family(string key)
    {
        var segments = key.Split('/');
        var stem = Path.GetFileNameWithoutExtension(segments[^1]);
        // KDE names files by resolution (Altai/contents/images/5120x2880.png): the wallpaper's name is its folder.
        if (Resolution().IsMatch(stem))
        {
            stem = segments[..^1].Reverse().First(s => s is not ("images" or "images_dark" or "contents"));
        }
        var words = Separators().Split(ResolutionSuffix().Replace(stem.ToLowerInvariant(), ""))
            .Where(w => w.Length > 0 && !VariantWords.Contains(w));
        var family = string.Join('-', words);
        return family.Length > 0 ? family : stem.ToLowerInvariant();
    }

    [GeneratedRegex(@"^\d+x\d+$")]
    private static partial Regex Resolution();

    [GeneratedRegex(@"_\d+x\d+$")]
    private static partial Regex ResolutionSuffix();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex Separators();
}

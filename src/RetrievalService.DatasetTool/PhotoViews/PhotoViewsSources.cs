using RetrievalService.DataSources.Photos;
using RetrievalService.DatasetTool.Sources;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>
/// Which pool photos become photoviews instances. Test instances are the held-out packages' photos (never seen by
/// any fitting); train/val come from the large wallpapers and the OpenCV/scikit-image samples. Left out: MRPT's
/// stereo-calibration shots (eight near-identical views of one rig would be "different" instances), tuxpaint's
/// cut-out stamps (not photos), small images, and every image the pairs set uses.
/// </summary>
public static class PhotoViewsSources
{
    /// <summary>Non-held-out packages that supply train/val instances.</summary>
    public static readonly IReadOnlySet<string> TrainValPackages = new SortedSet<string>(StringComparer.Ordinal)
    {
        "plasma-workspace-wallpapers", "mate-backgrounds", "lxqt-themes", "opencv-doc", "python3-skimage",
    };

    /// <summary>Held-out packages not used (see the type's summary).</summary>
    public static readonly IReadOnlySet<string> ExcludedHeldOut = new SortedSet<string>(StringComparer.Ordinal) { "mrpt-common" };

    /// <summary>Shorter side below which a photo is too small to cut into views.</summary>
    public const int MinSide = 384;

    /// <summary>One photo per near-duplicate family (the largest), ordered by instance id; <c>Skipped</c> says why others were dropped.</summary>
    public static (IReadOnlyList<SourcePhoto> Photos, IReadOnlyList<string> Skipped) Select(
        IReadOnlyList<PoolPhoto> pool, IReadOnlySet<string> excludedKeys)
    {
        var (images, skipped) = PoolImage.Identify(pool.Where(Eligible).Where(p => !excludedKeys.Contains(p.Key)));
        return (OnePerFamily(images.Where(LargeEnough)), skipped);
    }

    /// <summary>Whether a photo is large enough to cut into views (<see cref="MinSide"/>).</summary>
    public static bool LargeEnough(PoolImage image) => Math.Min(image.Width, image.Height) >= MinSide;

    /// <summary>One instance per near-duplicate family (<see cref="PhotoFamilies"/>), the largest file, ordered by instance id.</summary>
    public static IReadOnlyList<SourcePhoto> OnePerFamily(IEnumerable<PoolImage> images) =>
        images.Select(i => new SourcePhoto(PhotoFamilies.InstanceId(i.Photo), i.Photo, i.Width, i.Height))
            .GroupBy(c => c.Instance, StringComparer.Ordinal)
            .Select(family => family.OrderByDescending(c => (long)c.Width * c.Height).ThenBy(c => c.Photo.Key, StringComparer.Ordinal).First())
            .OrderBy(c => c.Instance, StringComparer.Ordinal)
            .ToList();

    private static bool Eligible(PoolPhoto photo) =>
        photo.HeldOut ? !ExcludedHeldOut.Contains(photo.Package) : TrainValPackages.Contains(photo.Package);
}

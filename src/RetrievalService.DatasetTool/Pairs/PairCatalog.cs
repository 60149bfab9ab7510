using System.Text.RegularExpressions;
using RetrievalService.DataSources.Photos;

namespace RetrievalService.DatasetTool.Pairs;

/// <summary>The real image pairs of the photo pool (OpenCV samples, scikit-image, MRPT; docs/sources.md#the-debian-photo-pool), as pool keys.</summary>
public static class PairCatalog
{
    private const string OpenCv = "opencv-doc/usr/share/doc/opencv-doc/examples/data";
    private const string Skimage = "python3-skimage/usr/lib/python3/dist-packages/skimage/data";
    private const string Mrpt = "mrpt-common/usr/share/mrpt/datasets/stereo-calib";

    /// <summary>Every pair, one query each.</summary>
    public static readonly IReadOnlyList<ImagePair> Pairs =
    [
        new("aero", OpenCv, "aero1.jpg", "aero3.jpg", "aerial views, viewpoint and rotation"),
        new("aloe", OpenCv, "aloeL.jpg", "aloeR.jpg", "stereo (Middlebury)", Related: @"^aloeGT\.png$"),
        new("basketball", OpenCv, "basketball1.png", "basketball2.png", "consecutive video frames"),
        new("box", OpenCv, "box.png", "box_in_scene.png", "object alone vs. in clutter, scale and rotation"),
        new("ela", OpenCv, "ela_original.jpg", "ela_modified.jpg", "photo edited (object pasted in), re-cropped"),
        new("graf", OpenCv, "graf1.png", "graf3.png", "strong viewpoint change (Oxford affine set)"),
        new("leuven", OpenCv, "leuvenA.jpg", "leuvenB.jpg", "street scene, viewpoint change"),
        new("rubberwhale", OpenCv, "rubberwhale1.png", "rubberwhale2.png", "consecutive frames (Middlebury flow)"),
        new("books", OpenCv, "left.jpg", "right.jpg", "viewpoint and illumination"),
        new("opencv-chessboard", OpenCv, "left01.jpg", "right01.jpg", "stereo pair of a calibration series",
            Related: @"^(left|right)\d\d\.jpg$"),
        new("motorcycle", Skimage, "motorcycle_left.png", "motorcycle_right.png", "stereo (Middlebury)"),
        new("mrpt-chessboard", Mrpt, "0_left.jpg", "0_right.jpg", "stereo pair of a calibration series",
            Related: @"^\d+_(left|right)\.jpg$"),
    ];

    /// <summary>Keys of every related image of <paramref name="pair"/> present in the pool (excluding the pair itself).</summary>
    public static IReadOnlyList<string> RelatedKeys(ImagePair pair, IEnumerable<PoolPhoto> pool)
    {
        if (pair.Related is null)
        {
            return [];
        }
        var pattern = new Regex(pair.Related, RegexOptions.CultureInvariant);
        return [.. pool.Select(p => p.Key)
            .Where(k => k.StartsWith(pair.Folder + "/", StringComparison.Ordinal) && pattern.IsMatch(k[(pair.Folder.Length + 1)..]))
            .Where(k => k != pair.QueryKey && k != pair.PositiveKey)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every pool key the pairs set uses as query, positive or junk; other datasets keep these out of training.</summary>
    public static IReadOnlySet<string> AllKeys(IReadOnlyList<PoolPhoto> pool) =>
        Pairs.SelectMany(p => RelatedKeys(p, pool).Append(p.QueryKey).Append(p.PositiveKey)).ToHashSet(StringComparer.Ordinal);
}

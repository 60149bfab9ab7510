namespace RetrievalService.WebBench;

/// <summary>One query photo: its bytes and the name it is reported under.</summary>
internal sealed record QueryPhoto(string Name, byte[] Bytes, string MediaType);

/// <summary>
/// The photos the bench queries with: every JPEG and PNG of <c>--photos</c> in ordinal order, or by default twenty
/// photographs of the Debian photo pool (scripts/fetch-photos.sh) from a 0.05 MP thumbnail to 16 MP, two of them 12 MP
/// phone photos (one rotated by EXIF). The list is fixed so every machine measures the same files.
/// </summary>
internal static class QueryPhotos
{
    private const string OpenCv = "opencv-doc/usr/share/doc/opencv-doc/examples/data/";
    private const string Lomiri = "lomiri-wallpapers-16.04/usr/share/backgrounds/";
    private const string Phones = "forensics-samples-files/usr/share/forensics-samples/original-files/";

    // Sizes from small to large; the two phone photos are not among the gallery scripts/results/web-on-device.sh indexes,
    // so their first result is a neighbour, not the photo itself.
    private static readonly string[] Default =
    [
        OpenCv + "HappyFish.jpg",
        OpenCv + "butterfly.jpg",
        OpenCv + "baboon.jpg",
        OpenCv + "fruits.jpg",
        OpenCv + "squirrel_cls.jpg",
        OpenCv + "messi5.jpg",
        OpenCv + "rubberwhale1.png",
        OpenCv + "leuvenA.jpg",
        OpenCv + "starry_night.jpg",
        OpenCv + "graf1.png",
        OpenCv + "building.jpg",
        OpenCv + "aloeL.jpg",
        Lomiri + "Picture_1A_by_freespace.jpg",
        Lomiri + "Wine_by_Jakkub_Mede.jpg",
        Lomiri + "aitzgorri_by_Aitzol_Berasategi.jpg",
        Lomiri + "umang_by_Abhishek_Mudgal.jpg",
        Lomiri + "Dragonfly_by_Bolly.jpg",
        Lomiri + "seeding_by_Clements_Engelhardt.jpg",
        Phones + "pic1/IMG_20200827_231612.jpg",
        Phones + "pic2/IMG_20200124_231153.jpg",
    ];

    public static IReadOnlyList<QueryPhoto> Load(string repoRoot, DirectoryInfo? folder)
    {
        var paths = folder is null
            ? Default.Select(p => Path.Combine(repoRoot, "data/sources/debs", p)).ToList()
            : Directory.EnumerateFiles(folder.FullName).Where(IsPhoto).Order(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            throw new FileNotFoundException($"{folder?.FullName} holds no .jpg, .jpeg or .png file.");
        }
        var missing = paths.FirstOrDefault(p => !File.Exists(p));
        if (missing is not null)
        {
            throw new FileNotFoundException($"{missing} is missing; run scripts/fetch-photos.sh (the photo pool) or pass --photos <folder>.", missing);
        }
        return [.. paths.Select(p => new QueryPhoto(Path.GetFileName(p), File.ReadAllBytes(p), MediaTypeOf(p)))];
    }

    private static bool IsPhoto(string path) => Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png";

    public static string MediaTypeOf(string path) => Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg";
}

namespace RetrievalService.Fuzzing.Seeds;

/// <summary>
/// Where the seed photos live: the Debian photo pool that <c>scripts/fetch-photos.sh</c> unpacks under
/// <c>data/sources/debs/</c> (run by <c>scripts/setup.sh</c>, which the test script runs first).
/// </summary>
public static class SeedPhotos
{
    private const string Skimage = "python3-skimage/usr/lib/python3/dist-packages/skimage/data";

    /// <summary>Real photographs, re-encoded in every format: scikit-image's cat and coffee cup.</summary>
    public static readonly string[] ReEncoded = [$"{Skimage}/chelsea.png", $"{Skimage}/coffee.png"];

    /// <summary>
    /// A progressive JPEG photo used byte for byte (a 150×150 DIV2K crop from opencv-doc): neither ImageSharp 2.1
    /// nor Skia can encode progressive JPEG, and a real progressive file is the better seed anyway.
    /// </summary>
    public const string Progressive = "opencv-doc/usr/share/doc/opencv-doc/opencv4/html/orig_div2k.jpg";

    /// <summary>data/sources/debs of the checkout this code runs from, found by walking up to RetrievalService.sln.</summary>
    public static string DefaultDebsDirectory(string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return Path.Combine(dir.FullName, "data", "sources", "debs");
            }
        }
        throw new InvalidOperationException($"RetrievalService.sln not found above {startDirectory ?? AppContext.BaseDirectory}.");
    }

    public static string Resolve(string debsDirectory, string relativePath)
    {
        var path = Path.Combine(debsDirectory, relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Seed photo '{path}' is missing: run scripts/fetch-photos.sh (or scripts/setup.sh).", path);
    }
}

using RetrievalService.DecodeBench.ImageSet;

namespace RetrievalService.DecodeBench.Commands;

/// <summary><c>images</c>: writes the benchmark set from the photo pool; files already there are kept.</summary>
internal static class ImagesCommand
{
    public static int Run(BenchSettings settings)
    {
        var photos = SourcePhotos.Select(settings.Pool, settings.Photos);
        foreach (var photo in photos)
        {
            Progress.Report($"source: {Path.GetRelativePath(settings.Pool, photo)}");
        }
        using var writer = new ImageSetWriter(settings.Images, photos);
        var written = 0;
        foreach (var spec in BenchImageSpec.All)
        {
            written += writer.Write(spec, Progress.Report);
        }
        Console.WriteLine($"{written} files written, {BenchImageSpec.All.Count * photos.Count - written} already present, in {settings.Images}");
        return 0;
    }
}

using RetrievalService.DataSources.Photos;
using SixLabors.ImageSharp;

namespace RetrievalService.DatasetTool.Sources;

/// <summary>A readable pool photo with its header size.</summary>
public sealed record PoolImage(PoolPhoto Photo, int Width, int Height)
{
    /// <summary>
    /// Identifies every photo from its header; unreadable ones are reported in <c>Skipped</c> (scikit-image ships
    /// a deliberately truncated JPEG, <c>truncated.jpg</c>).
    /// </summary>
    public static (IReadOnlyList<PoolImage> Images, IReadOnlyList<string> Skipped) Identify(IEnumerable<PoolPhoto> photos)
    {
        var (images, skipped) = (new List<PoolImage>(), new List<string>());
        foreach (var photo in photos)
        {
            try
            {
                var info = Image.Identify(photo.Path);
                if (info is null)
                {
                    skipped.Add($"{photo.Key}: not an image");
                    continue;
                }
                images.Add(new PoolImage(photo, info.Width, info.Height));
            }
            catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or IOException)
            {
                skipped.Add($"{photo.Key}: unreadable ({e.GetType().Name})");
            }
        }
        return (images, skipped);
    }
}

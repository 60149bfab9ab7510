using RetrievalService.DatasetTool.Sources;
using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace RetrievalService.DatasetTool.Distractors;

/// <summary>
/// Turns a distractor candidate into dataset bytes: decoded as the service decodes uploads (transparency onto the
/// models' white), reduced to <see cref="GalleryCopy.MaxLongerSide"/> and written as JPEG. Strips (panoramas) and
/// thumbnails are refused: at the models' input size they would be a few pixels high.
/// </summary>
public static class DistractorRenderer
{
    /// <summary>Smallest shorter side kept, in pixels.</summary>
    public const int MinShorterSide = 64;

    /// <summary>Largest longer/shorter side ratio kept.</summary>
    public const double MaxAspect = 3.0;

    /// <summary>JPEG bytes, or <c>null</c> with <paramref name="reason"/> when the file is refused.</summary>
    public static byte[]? Render(string path, out string? reason)
    {
        try
        {
            using var image = PhotoLoader.Load(path);
            var (longer, shorter) = (Math.Max(image.Width, image.Height), Math.Min(image.Width, image.Height));
            if (shorter < MinShorterSide)
            {
                reason = $"{image.Width}×{image.Height}, shorter side under {MinShorterSide} px";
                return null;
            }
            if (longer > MaxAspect * shorter)
            {
                reason = $"{image.Width}×{image.Height}, longer side over {MaxAspect}× the shorter";
                return null;
            }
            GalleryCopy.Reduce(image);
            using var stream = new MemoryStream();
            image.SaveAsJpeg(stream, new JpegEncoder { Quality = 92 });
            reason = null;
            return stream.ToArray();
        }
        catch (ImageRejectedException e)
        {
            reason = $"unreadable ({e.Reason}: {e.Message})";
            return null;
        }
    }
}

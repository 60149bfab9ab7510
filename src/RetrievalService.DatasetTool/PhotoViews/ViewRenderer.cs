using RetrievalService.DatasetTool.Geometry;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>Renders a <see cref="ViewSpec"/> from a decoded photo to JPEG bytes; fixed resamplers and encoder settings.</summary>
public static class ViewRenderer
{
    // The projective resampler scales its kernel by whole-image size ratios, not by the local zoom; cropping to
    // the region and pre-shrinking to 1.5× the output keeps it from aliasing on strongly reduced regions.
    private const double Oversampling = 1.5;

    /// <summary>Encodes the view of <paramref name="photo"/>; the photo is not modified.</summary>
    public static byte[] Render(Image<Rgb24> photo, ViewSpec view)
    {
        var (left, top, right, bottom) = view.Region.Bounds;
        var box = Rectangle.FromLTRB(
            Math.Max(0, (int)Math.Floor(left) - 2), Math.Max(0, (int)Math.Floor(top) - 2),
            Math.Min(photo.Width, (int)Math.Ceiling(right) + 2), Math.Min(photo.Height, (int)Math.Ceiling(bottom) + 2));
        var scale = Math.Min(1, Oversampling * Math.Max(view.Width, view.Height) / Math.Max(box.Width, box.Height));
        var reduced = new Size(Math.Max(1, (int)Math.Round(box.Width * scale)), Math.Max(1, (int)Math.Round(box.Height * scale)));
        using var image = photo.Clone(x => x.Crop(box).Resize(reduced, KnownResamplers.Bicubic, compand: false));

        var (sx, sy) = (reduced.Width / (double)box.Width, reduced.Height / (double)box.Height);
        var corners = view.Region.Corners.Select(p => new PointD((p.X - box.X) * sx, (p.Y - box.Y) * sy)).ToList();
        PointD[] target = [new(0, 0), new(view.Width, 0), new(view.Width, view.Height), new(0, view.Height)];
        var matrix = Homography.ToImageSharp(Homography.FromCorners(corners, target));
        image.Mutate(x => Look(x.Transform(new Rectangle(Point.Empty, reduced), matrix, new Size(view.Width, view.Height), KnownResamplers.Bicubic), view.Look));

        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = view.Look.JpegQuality });
        return stream.ToArray();
    }

    private static void Look(IImageProcessingContext x, Photometric look)
    {
        x.Brightness(look.Brightness).Contrast(look.Contrast).Saturate(look.Saturation).Hue(look.HueDegrees);
        if (look.Grayscale)
        {
            x.Grayscale();
        }
        if (look.BlurSigma > 0)
        {
            x.GaussianBlur(look.BlurSigma);
        }
    }
}

using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

public sealed class ExifOrientationTests
{
    private const int StoredWidth = 3;
    private const int StoredHeight = 2;

    /// <summary>
    /// Which stored pixel appears at displayed (x, y) for each EXIF orientation (TIFF 6.0 / EXIF 2.32, tag 0x0112):
    /// 2 mirrors, 3 turns 180°, 4 flips, 5 transposes, 6 turns 90° clockwise, 7 transverses, 8 turns 90° counter-clockwise.
    /// </summary>
    private static (int X, int Y) StoredPixelShownAt(int orientation, int x, int y) => orientation switch
    {
        1 => (x, y),
        2 => (StoredWidth - 1 - x, y),
        3 => (StoredWidth - 1 - x, StoredHeight - 1 - y),
        4 => (x, StoredHeight - 1 - y),
        5 => (y, x),
        6 => (y, StoredHeight - 1 - x),
        7 => (StoredWidth - 1 - y, StoredHeight - 1 - x),
        8 => (StoredWidth - 1 - y, x),
        _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
    };

    [Theory]
    [InlineData(1, "png")]
    [InlineData(2, "png")]
    [InlineData(3, "png")]
    [InlineData(4, "png")]
    [InlineData(5, "png")]
    [InlineData(6, "png")]
    [InlineData(7, "png")]
    [InlineData(8, "png")]
    [InlineData(6, "jpeg")]
    [InlineData(8, "webp")]
    public void Each_orientation_tag_puts_every_pixel_where_the_tag_says(int orientation, string format)
    {
        using var stored = TestImages.Positional(StoredWidth, StoredHeight);
        stored.Metadata.ExifProfile = new ExifProfile();
        stored.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)orientation);

        using var decoded = TestImages.Decode(TestImages.Encode(stored, format));

        var transposed = orientation >= 5;
        var (width, height) = transposed ? (StoredHeight, StoredWidth) : (StoredWidth, StoredHeight);
        Assert.Equal(new PixelSize(width, height), decoded.Size);
        var pixels = TestImages.Pixels(decoded);
        var tolerance = format == "jpeg" ? 12 : 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = StoredPixelShownAt(orientation, x, y);
                var expected = TestImages.ColourAt(sx, sy);
                var actual = pixels[y * width + x];
                Assert.True(Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance,
                    $"orientation {orientation}: displayed ({x},{y}) is {actual}, expected stored ({sx},{sy}) = {expected}");
            }
        }
    }
}

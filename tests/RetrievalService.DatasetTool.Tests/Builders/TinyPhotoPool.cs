using RetrievalService.DataSources.Photos;
using RetrievalService.DatasetTool.PhotoViews;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DatasetTool.Tests.Builders;

/// <summary>Three generated photos in a temporary folder: two for train/val, one held out (test).</summary>
internal sealed class TinyPhotoPool : IDisposable
{
    public TinyPhotoPool()
    {
        Directory.CreateDirectory(Root);
        Photos =
        [
            Photo("fitting-pkg", "waves", heldOut: false, 1),
            Photo("fitting-pkg", "stripes", heldOut: false, 2),
            Photo("heldout-pkg", "rings", heldOut: true, 3),
        ];
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"tiny-pool-{Guid.NewGuid():N}");

    public IReadOnlyList<SourcePhoto> Photos { get; }

    public string NewOutputDir() => Path.Combine(Root, $"out-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private SourcePhoto Photo(string package, string name, bool heldOut, int pattern)
    {
        const int Width = 480, Height = 360;
        var path = Path.Combine(Root, $"{name}.png");
        using (var image = new Image<Rgb24>(Width, Height))
        {
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < Width; x++)
                    {
                        row[x] = new Rgb24(Wave(x * pattern, y), Wave(y * pattern, x), Wave(x + y, pattern * 40));
                    }
                }
            });
            image.SaveAsPng(path);
        }
        var photo = new PoolPhoto(package, path, $"{package}/{name}.png", heldOut);
        return new SourcePhoto($"{package}/{name}", photo, Width, Height);
    }

    private static byte Wave(int a, int b) => (byte)(127.5 + 127.5 * Math.Sin(a / 23.0 + Math.Cos(b / 31.0) * 3));
}

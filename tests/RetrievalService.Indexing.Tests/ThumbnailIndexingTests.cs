using RetrievalService.Indexing.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.Indexing.Tests;

public sealed class ThumbnailIndexingTests : IsolatedTest
{
    [Fact]
    public async Task Indexing_stores_an_upright_jpeg_thumbnail_at_most_320_px_on_its_longer_side()
    {
        // Upright 600×400, red on the left and blue on the right, stored turned a quarter with EXIF orientation 6.
        Files.Bytes("turned.jpg", ExifRotatedHalves(600, 400));
        Files.Image("small.png", seed: 7, width: 80, height: 64);

        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress"));

        var thumbnails = await GalleryThumbnails.ReadAsync(Schema);
        using var turned = Image.Load<Rgb24>(thumbnails["turned.jpg"]!);
        Assert.Equal("JPEG", Image.DetectFormat(thumbnails["turned.jpg"]!).Name);
        Assert.Equal((320, 213), (turned.Width, turned.Height));
        Assert.True(IsRed(turned[20, 106]) && IsBlue(turned[300, 106]), $"left {turned[20, 106]}, right {turned[300, 106]}");
        // Never enlarged.
        using var small = Image.Load<Rgb24>(thumbnails["small.png"]!);
        Assert.Equal((80, 64), (small.Width, small.Height));
    }

    [Fact]
    public async Task Rerunning_over_a_gallery_without_thumbnails_adds_them_without_embedding_again()
    {
        Files.Images(3);
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress"));
        var made = await GalleryThumbnails.ReadAsync(Schema);
        // The gallery as indexed before thumbnails, with a vector no teacher run would give back, so re-embedding would show.
        var marker = "[" + string.Join(",", Enumerable.Range(0, 512).Select(i => i == 0 ? "1" : "0")) + "]";
        await GalleryThumbnails.ExecuteAsync(Schema, $"UPDATE {{0}} SET thumbnail = NULL, embedding = '{marker}' WHERE id = 'img-00.png'");
        await GalleryThumbnails.ExecuteAsync(Schema, "UPDATE {0} SET thumbnail = NULL WHERE id = 'img-01.png'");
        var updatedAt = await GalleryThumbnails.UpdatedAtAsync(Schema);

        var exit = await Runner.RunAsync("index", Files.Folder, "--no-progress", "--report", ReportPath);

        Assert.Equal(ExitCodes.Ok, exit);
        var counts = IndexerRunner.ReadReport(ReportPath).GetProperty("counts");
        Assert.Equal((3, 0, 2), (counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("stored").GetInt32(), counts.GetProperty("thumbnailsAdded").GetInt32()));
        Assert.Equal(made, await GalleryThumbnails.ReadAsync(Schema));
        Assert.Equal(updatedAt, await GalleryThumbnails.UpdatedAtAsync(Schema));
        var kept = (await GalleryRows.ReadAsync(Schema)).Single(r => r.Id == "img-00.png").Embedding;
        Assert.Equal(1f, kept[0]);
        Assert.Equal(0f, kept[1..].Max());
    }

    [Fact]
    public async Task New_content_under_an_id_gets_a_new_thumbnail()
    {
        var path = Files.Image("photo.png", seed: 1);
        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress"));
        var before = (await GalleryThumbnails.ReadAsync(Schema))["photo.png"];
        File.Delete(path);
        Files.Image("photo.png", seed: 2);

        Assert.Equal(ExitCodes.Ok, await Runner.RunAsync("index", Files.Folder, "--no-progress"));

        var after = (await GalleryThumbnails.ReadAsync(Schema))["photo.png"];
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
    }

    private static byte[] ExifRotatedHalves(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = x < width / 2 ? new Rgb24(220, 20, 20) : new Rgb24(20, 20, 220);
                }
            }
        });
        image.Mutate(x => x.Rotate(RotateMode.Rotate270));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        using var jpeg = new MemoryStream();
        image.SaveAsJpeg(jpeg);
        return jpeg.ToArray();
    }

    private static bool IsRed(Rgb24 p) => p.R > 150 && p.B < 100;

    private static bool IsBlue(Rgb24 p) => p.B > 150 && p.R < 100;
}

using RetrievalService.DatasetTool.PhotoViews;
using RetrievalService.DatasetTool.Splits;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class PhotoFolderSourcesTests : IDisposable
{
    private static readonly PhotoViewsSettings Small = PhotoViewsSettings.Default with { GalleryViews = 6, Queries = 2 };

    private readonly string root = Path.Combine(Path.GetTempPath(), $"photo-folder-{Guid.NewGuid():N}");

    public PhotoFolderSourcesTests()
    {
        Write("photos/animals/fox.png", 480, 400, 1);
        Write("photos/animals/fox_960x800.png", 960, 800, 1);
        Write("photos/monuments/tower.webp", 400, 600, 2);
        Write("photos/icons/star.png", 200, 200, 3);
        File.WriteAllText(Path.Combine(root, "photos/animals/readme.txt"), "not an image");
        File.WriteAllBytes(Path.Combine(root, "photos/monuments/broken.jpg"), [0xFF, 0xD8, 0xFF, 0x00]);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Every_large_enough_photo_is_one_instance_and_the_rest_are_reported()
    {
        var (photos, skipped) = PhotoFolderSources.Select([Path.Combine(root, "photos")], Path.Combine(root, "debs"));

        Assert.Equal(["photos/fox", "photos/tower"], photos.Select(p => p.Instance));
        // fox at two sizes is one family: the larger file stands for it.
        Assert.Equal((960, 800), (photos[0].Width, photos[0].Height));
        Assert.Equal("photos/animals/fox_960x800.png", photos[0].Photo.Key);
        Assert.Contains(skipped, s => s.StartsWith("photos/icons/star.png: 200×200", StringComparison.Ordinal));
        Assert.Contains("photos/monuments/broken.jpg: not an image", skipped);
        Assert.DoesNotContain(skipped, s => s.Contains("readme", StringComparison.Ordinal));
    }

    [Fact]
    public void A_photo_inside_an_unpacked_package_is_attributed_to_the_package()
    {
        Write("debs/some-package/usr/share/pics/lake.png", 640, 480, 4);

        var (photos, _) = PhotoFolderSources.Select([Path.Combine(root, "debs/some-package/usr/share")], Path.Combine(root, "debs"));

        var lake = Assert.Single(photos);
        Assert.Equal("some-package", lake.Photo.Package);
        Assert.Equal("some-package/usr/share/pics/lake.png", lake.Photo.Key);
    }

    [Fact]
    public void A_missing_folder_is_an_error_that_names_it()
    {
        var missing = Path.Combine(root, "nowhere");
        var e = Assert.Throws<DirectoryNotFoundException>(() => PhotoFolderSources.Select([missing], root));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_names_a_missing_folder_in_one_line_and_exits_with_2()
    {
        // The tool as users run it: its dll lands next to the tests' (a project reference).
        var tool = Path.Combine(AppContext.BaseDirectory, "dataset-tool.dll");
        var missing = Path.Combine(root, "nowhere");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { tool, "build", "photoviews-folder", "--images", missing, "--out", Path.Combine(root, "out") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal($"dataset-tool: Photo folder {missing} does not exist.", error.Trim());
        Assert.False(Directory.Exists(Path.Combine(root, "out")));
    }

    [Fact]
    public void One_split_holds_every_photo_with_valid_ground_truth()
    {
        var (photos, _) = PhotoFolderSources.Select([Path.Combine(root, "photos")], Path.Combine(root, "debs"));

        var plan = PhotoViewsBuilder.PlanOneSplit(photos, SplitNames.Val, seed: 3, Small);

        Assert.Equal(SplitNames.Val, plan.Split);
        Assert.Equal(photos.Count * Small.GalleryViews, plan.Truth.ImList.Count);
        Assert.Equal(photos.Count * Small.Queries, plan.Truth.QimList.Count);
        Assert.Empty(plan.Truth.Problems());
        Assert.All(plan.Truth.Gnd, g => Assert.NotEmpty(g.Easy.Concat(g.Hard)));
    }

    private void Write(string relative, int width, int height, int pattern)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = new Rgb24((byte)(x * pattern), (byte)(y * pattern), (byte)((x + y) * pattern / 3));
                }
            }
        });
        image.Save(path);
    }
}

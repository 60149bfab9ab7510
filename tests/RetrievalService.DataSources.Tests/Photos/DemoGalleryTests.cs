using System.Text.Json;
using RetrievalService.DataSources.Photos;

namespace RetrievalService.DataSources.Tests.Photos;

public sealed class DemoGalleryTests : IDisposable
{
    private readonly string _debs = Directory.CreateTempSubdirectory("demo-gallery-").FullName;

    public void Dispose() => Directory.Delete(_debs, recursive: true);

    [Fact]
    public void The_gallery_takes_the_rules_files_in_key_order_and_leaves_out_the_example_query()
    {
        UnpackAll();
        Write("plasma-workspace-wallpapers/usr/share/wallpapers/Kite/contents/images/2560x1600.jpg");
        Link("plasma-workspace-wallpapers/usr/share/wallpapers/Kite/contents/images/1920x1080.jpg", "2560x1600.jpg");
        Write("plasma-workspace-wallpapers/usr/share/wallpapers/Kite/contents/screenshot.png");
        Write("mate-backgrounds/usr/share/backgrounds/mate/nature/Wood.jpg");
        Write("mate-backgrounds/usr/share/backgrounds/mate/nature/Upper.JPG");
        Write("mate-backgrounds/usr/share/backgrounds/mate/nature/notes.txt");
        Link("ukui-wallpapers/usr/share/backgrounds/linked.jpg", "../../../../mate-backgrounds/usr/share/backgrounds/mate/nature/Wood.jpg");
        Write("opencv-doc/usr/share/doc/opencv-doc/examples/data/graf1.png");
        Write("opencv-doc/usr/share/doc/opencv-doc/examples/data/graf3.png");
        Write("opencv-doc/usr/share/doc/opencv-doc/examples/data/deeper/below.png");
        Write("python3-skimage/usr/lib/python3/dist-packages/skimage/data/astronaut.png");

        var keys = DemoGallery.Enumerate(_debs).Select(p => p.Key).ToList();

        Assert.Equal(
        [
            "mate-backgrounds/usr/share/backgrounds/mate/nature/Wood.jpg",
            "opencv-doc/usr/share/doc/opencv-doc/examples/data/graf3.png",
            "plasma-workspace-wallpapers/usr/share/wallpapers/Kite/contents/images/1920x1080.jpg",
            "python3-skimage/usr/lib/python3/dist-packages/skimage/data/astronaut.png",
        ], keys);
    }

    [Theory]
    [InlineData("opencv-doc/usr/share/doc/opencv-doc/examples/data/graf3.png", "opencv-doc:graf3.png")]
    [InlineData("python3-skimage/usr/lib/python3/dist-packages/skimage/data/astronaut.png", "python3-skimage:astronaut.png")]
    [InlineData("darknet/usr/share/darknet/data/dog.jpg", "darknet:darknet:data:dog.jpg")]
    [InlineData("plasma-workspace-wallpapers/usr/share/wallpapers/Kite/contents/images/1920x1080.jpg",
        "plasma-workspace-wallpapers:wallpapers:Kite:contents:images:1920x1080.jpg")]
    public void Ids_shorten_the_package_folders_and_keep_no_slash(string key, string id) =>
        Assert.Equal(id, DemoGallery.Id(key));

    [Fact]
    public void Manifest_lines_are_json_with_the_debian_source_even_for_names_with_quotes()
    {
        UnpackAll();
        Write("darknet/usr/share/darknet/data/say \"cheese\".jpg");

        var line = Assert.Single(DemoGalleryManifest.Lines(_debs));

        var root = JsonDocument.Parse(line).RootElement;
        Assert.Equal("darknet:darknet:data:say \"cheese\".jpg", root.GetProperty("id").GetString());
        Assert.Equal(Path.Combine(_debs, "darknet/usr/share/darknet/data/say \"cheese\".jpg"), root.GetProperty("path").GetString());
        Assert.Equal("debian:darknet/usr/share/darknet/data/say \"cheese\".jpg", root.GetProperty("source").GetString());
        Assert.Equal("darknet", root.GetProperty("metadata").GetProperty("package").GetString());
    }

    [Fact]
    public void A_package_not_fetched_is_named_with_the_script_that_fetches_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => DemoGallery.Enumerate(_debs));
        Assert.Contains("plasma-workspace-wallpapers", error.Message);
        Assert.Contains("scripts/fetch-photos.sh", error.Message);
    }

    // Every folder a rule reads, empty.
    private void UnpackAll()
    {
        foreach (var folder in new[]
        {
            "plasma-workspace-wallpapers/usr/share/wallpapers", "mate-backgrounds/usr/share/backgrounds",
            "lomiri-wallpapers-16.04/usr/share/backgrounds", "lomiri-wallpapers-20.04/usr/share/backgrounds",
            "ukui-wallpapers/usr/share/backgrounds", "lxqt-themes/usr/share/lxqt/wallpapers",
            "opencv-doc/usr/share/doc/opencv-doc/examples/data", "python3-skimage/usr/lib/python3/dist-packages/skimage/data",
            "darknet/usr/share/darknet/data", "mrpt-common/usr/share/mrpt/datasets/stereo-calib",
        })
        {
            Directory.CreateDirectory(Path.Combine(_debs, folder));
        }
    }

    private void Write(string key)
    {
        var path = Path.Combine(_debs, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
    }

    private void Link(string key, string target)
    {
        var path = Path.Combine(_debs, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }
}

using RetrievalService.DatasetTool.Distractors;
using RetrievalService.Evaluation.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace RetrievalService.DatasetTool.Tests.Builders;

/// <summary>The leak check for unlabelled pools, on real photographs of the Debian pool.</summary>
public sealed class NearCopiesTests(PhotoPoolFixture pool) : IClassFixture<PhotoPoolFixture>, IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_resized_recoloured_jpeg_of_a_photo_is_a_near_copy_and_another_photo_is_not()
    {
        var (coffee, chelsea, astronaut) = (Photo("coffee.png"), Photo("chelsea.png"), Photo("astronaut.png"));
        var candidates = Directory.CreateDirectory(temp.Combine("candidates")).FullName;
        var copy = Path.Combine(candidates, "coffee-copy.jpg");
        using (var image = Image.Load(coffee))
        {
            image.Mutate(x => x.Resize(image.Width / 3, 0).Brightness(1.1f).Saturate(0.8f));
            image.SaveAsJpeg(copy, new JpegEncoder { Quality = 40 });
        }
        var other = Path.Combine(candidates, "chelsea.png");
        File.Copy(chelsea, other);

        var unreadable = new List<string>();
        var pairs = NearCopies.Closest([copy, other], [coffee, astronaut], unreadable, workers: 1);

        Assert.Empty(unreadable);
        Assert.Equal([copy, other], pairs.Select(p => p.Candidate));
        Assert.Equal(coffee, pairs[0].Reference);
        Assert.InRange(pairs[0].Distance, 0, 8);
        Assert.InRange(pairs[1].Distance, 40, 256);
    }

    [Fact]
    public void Unreadable_files_are_reported_and_skipped_and_folders_are_listed_recursively_in_order()
    {
        var folder = Directory.CreateDirectory(temp.Combine("pool", "sub")).Parent!.FullName;
        File.Copy(Photo("coffee.png"), Path.Combine(folder, "sub", "b.png"));
        File.WriteAllBytes(Path.Combine(folder, "a.jpg"), [0xFF, 0xD8, 0xFF, 1, 2, 3]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an image");

        var files = NearCopies.ImagesIn([folder]);
        var unreadable = new List<string>();
        var pairs = NearCopies.Closest(files, [Photo("coffee.png")], unreadable, workers: 2);

        Assert.Equal([Path.Combine(folder, "a.jpg"), Path.Combine(folder, "sub", "b.png")], files);
        Assert.Contains(unreadable, u => u.StartsWith(Path.Combine(folder, "a.jpg"), StringComparison.Ordinal));
        Assert.Equal(0, Assert.Single(pairs).Distance);
        Assert.Throws<DirectoryNotFoundException>(() => NearCopies.ImagesIn([temp.Combine("missing")]));
    }

    private string Photo(string name) =>
        pool.Pool.Single(p => p.Package == "python3-skimage" && Path.GetFileName(p.Path) == name).Path;
}

using RetrievalService.DatasetTool.Distractors;
using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.PhotoViews;
using RetrievalService.DatasetTool.Splits;
using RetrievalService.Evaluation.Datasets;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class DistractorAdderTests : IDisposable
{
    private readonly TinyPhotoPool pool = new();

    public void Dispose() => pool.Dispose();

    [Fact]
    public void Distractors_are_appended_to_one_split_and_everything_else_is_copied_unchanged()
    {
        var dataset = BuildDataset();
        var folder = ImageFolder("extra", ("a.png", 300, 200), ("sub/b.png", 2000, 1500));
        var output = pool.NewOutputDir();

        var manifest = Add(dataset, output, SplitNames.Train, folder);

        var before = DatasetJson.Read<GroundTruthFile>(Path.Combine(dataset, SplitNames.Train, GroundTruthFile.FileName));
        var after = DatasetJson.Read<GroundTruthFile>(Path.Combine(output, SplitNames.Train, GroundTruthFile.FileName));
        Assert.Equal([.. before.ImList, "gallery/distractors/extra/a.jpg", "gallery/distractors/extra/sub/b.jpg"], after.ImList);
        Assert.Equal(before.QimList, after.QimList);
        Assert.Equal(Json(before.Gnd), Json(after.Gnd));
        var others = manifest.Splits.Select(s => s.Split).Where(s => s != SplitNames.Train).ToList();
        Assert.Contains(SplitNames.Test, others);
        foreach (var split in others)
        {
            Assert.Equal(Files(Path.Combine(dataset, split)), Files(Path.Combine(output, split)));
            Assert.All(Files(Path.Combine(dataset, split)),
                f => Assert.Equal(File.ReadAllBytes(Path.Combine(dataset, split, f)), File.ReadAllBytes(Path.Combine(output, split, f))));
        }
        var reduced = Image.Identify(Path.Combine(output, SplitNames.Train, "gallery/distractors/extra/sub/b.jpg"));
        Assert.Equal((1024, 768), (reduced.Width, reduced.Height));
        Assert.Equal(before.ImList.Count + 2, manifest.Splits.Single(s => s.Split == SplitNames.Train).Gallery);
        Assert.StartsWith("2 unlabelled images", manifest.Settings["distractors.train"]);
        // The evaluation library reads the result as a valid dataset whose new images no query lists.
        var read = GndJsonReader.Read(Path.Combine(output, SplitNames.Train));
        Assert.Empty(DatasetValidator.Validate(read));
    }

    [Fact]
    public void Duplicates_thumbnails_strips_and_corrupt_files_are_skipped_with_a_reason()
    {
        var folder = ImageFolder("extra", ("keep.png", 300, 200), ("tiny.png", 40, 40), ("strip.png", 1000, 200));
        File.Copy(Path.Combine(folder, "keep.png"), Path.Combine(folder, "zz-copy.png"));
        File.WriteAllBytes(Path.Combine(folder, "broken.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        var skipped = new List<string>();

        var candidates = DistractorSources.Find([folder], skipped);
        var manifest = new DistractorAdder(SplitNames.Train, Workers: 2).Write(BuildDataset(), pool.NewOutputDir(), candidates, [folder], [], skipped);

        Assert.Equal(["broken.png", "keep.png", "strip.png", "tiny.png"], candidates.Select(c => Path.GetFileName(c.SourcePath)));
        Assert.Contains(manifest.Skipped, s => s.Contains("zz-copy.png: same bytes as gallery/distractors/extra/keep.jpg", StringComparison.Ordinal));
        Assert.Contains(manifest.Skipped, s => s.Contains("tiny.png: 40×40, shorter side under 64 px", StringComparison.Ordinal));
        Assert.Contains(manifest.Skipped, s => s.Contains("strip.png: 1000×200, longer side over 3", StringComparison.Ordinal));
        Assert.Contains(manifest.Skipped, s => s.Contains("broken.png: unreadable", StringComparison.Ordinal));
        Assert.StartsWith("1 unlabelled images", manifest.Settings["distractors.train"]);
    }

    [Fact]
    public void The_same_inputs_write_the_same_bytes()
    {
        var dataset = BuildDataset();
        var folder = ImageFolder("extra", ("a.png", 300, 200), ("b.png", 640, 480), ("c.png", 500, 500));
        var (first, second) = (pool.NewOutputDir(), pool.NewOutputDir());

        Add(dataset, first, SplitNames.Test, folder);
        Add(dataset, second, SplitNames.Test, folder);

        Assert.Equal(Files(first), Files(second));
        Assert.All(Files(first), f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f)), File.ReadAllBytes(Path.Combine(second, f))));
    }

    [Fact]
    public void Bad_requests_are_refused_before_anything_is_written()
    {
        var dataset = BuildDataset();
        var folder = ImageFolder("extra", ("a.png", 300, 200));
        var once = pool.NewOutputDir();
        Add(dataset, once, SplitNames.Train, folder);

        Assert.Contains("outside", Assert.Throws<ArgumentException>(() => Add(dataset, Path.Combine(dataset, "plus"), SplitNames.Train, folder)).Message);
        Assert.Contains("no split 'validation'", Assert.Throws<ArgumentException>(() => Add(dataset, pool.NewOutputDir(), "validation", folder)).Message);
        Assert.Contains("already holds distractors", Assert.Throws<ArgumentException>(() => Add(once, pool.NewOutputDir(), SplitNames.Train, folder)).Message);
        Assert.Throws<DirectoryNotFoundException>(() => DistractorSources.Find([Path.Combine(pool.Root, "missing")], new List<string>()));
        var twin = ImageFolder(Path.Combine("other", "extra"), ("b.png", 300, 200));
        Assert.Contains("named 'extra'", Assert.Throws<ArgumentException>(() => DistractorSources.Find([folder, twin], new List<string>())).Message);
        Assert.False(Directory.Exists(Path.Combine(dataset, "plus")));
    }

    [Fact]
    public void An_output_folder_that_holds_the_dataset_or_an_images_folder_is_refused_and_left_in_place()
    {
        var dataset = BuildDataset();
        var folder = ImageFolder("extra", ("a.png", 300, 200));
        var datasetParent = Path.GetDirectoryName(dataset)!;
        var imagesParent = Path.GetDirectoryName(folder)!;

        Assert.Contains("holds the dataset", Assert.Throws<ArgumentException>(() => Add(dataset, datasetParent, SplitNames.Train, folder)).Message);
        Assert.Contains("holds the images folder", Assert.Throws<ArgumentException>(() => Add(dataset, imagesParent, SplitNames.Train, folder)).Message);
        Assert.Contains("holds the images folder", Assert.Throws<ArgumentException>(() => Add(dataset, folder, SplitNames.Train, folder)).Message);

        Assert.True(File.Exists(Path.Combine(dataset, BuildManifest.FileName)));
        Assert.True(File.Exists(Path.Combine(folder, "a.png")));
    }

    private static BuildManifest Add(string dataset, string output, string split, string folder)
    {
        var skipped = new List<string>();
        var candidates = DistractorSources.Find([folder], skipped);
        return new DistractorAdder(split, Workers: 2).Write(dataset, output, candidates, [folder], [], skipped);
    }

    private string BuildDataset()
    {
        var outDir = pool.NewOutputDir();
        var plans = PhotoViewsBuilder.Plan(pool.Photos, seed: 3, PhotoViewsSettings.Default with { GalleryViews = 4, Queries = 1 });
        foreach (var plan in plans)
        {
            DatasetWriter.WriteSplit(outDir, plan, parallelism: 2);
        }
        DatasetWriter.WriteManifest(outDir, new BuildManifest("photoviews", BuildManifest.CurrentToolVersion, 3, [],
            new SortedDictionary<string, string>(StringComparer.Ordinal), [.. plans.Select(p => p.Counts())], []));
        return outDir;
    }

    private string ImageFolder(string name, params (string File, int Width, int Height)[] images)
    {
        var folder = Path.Combine(pool.Root, "images", name);
        foreach (var (file, width, height) in images)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var image = new Image<Rgb24>(width, height);
            // Distinct content per file, so no two are byte-identical by accident.
            image[width / 2, height / 2] = new Rgb24((byte)file.Length, (byte)width, (byte)height);
            image.SaveAsPng(path);
        }
        return folder;
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}

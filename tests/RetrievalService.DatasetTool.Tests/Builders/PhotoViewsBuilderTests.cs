using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.PhotoViews;
using RetrievalService.DatasetTool.Splits;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class PhotoViewsBuilderTests : IDisposable
{
    private static readonly PhotoViewsSettings Small = PhotoViewsSettings.Default with { GalleryViews = 6, Queries = 2 };

    private readonly TinyPhotoPool pool = new();

    public void Dispose() => pool.Dispose();

    [Fact]
    public void Building_twice_with_the_same_seed_writes_identical_files()
    {
        var first = Build(seed: 11);
        var second = Build(seed: 11);

        var files = Files(first);
        Assert.Equal(files, Files(second));
        Assert.Contains(Path.Combine(SplitNames.Test, GroundTruthFile.FileName), files);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, f)), File.ReadAllBytes(Path.Combine(second, f))));
    }

    [Fact]
    public void A_different_seed_draws_different_views()
    {
        var test = Path.Combine(SplitNames.Test, GroundTruthFile.FileName);
        Assert.NotEqual(File.ReadAllText(Path.Combine(Build(seed: 1), test)), File.ReadAllText(Path.Combine(Build(seed: 2), test)));
    }

    [Fact]
    public void Held_out_photos_form_the_test_split_and_no_photo_is_in_two_splits()
    {
        var plans = PhotoViewsBuilder.Plan(pool.Photos, seed: 11, Small);

        var test = plans.Single(p => p.Split == SplitNames.Test);
        Assert.All(test.Truth.ImList.Concat(test.Truth.QimList), name => Assert.Contains("/heldout-pkg/", name));
        var instancesPerSplit = plans.SelectMany(p => p.Truth.ImList.Select(n => (p.Split, Instance: n.Split('/')[1] + "/" + n.Split('/')[2]))).Distinct();
        Assert.All(instancesPerSplit.GroupBy(x => x.Instance), g => Assert.Single(g));
    }

    [Fact]
    public void Ground_truth_indices_are_valid_and_queries_are_not_in_the_gallery()
    {
        foreach (var plan in PhotoViewsBuilder.Plan(pool.Photos, seed: 11, Small))
        {
            var truth = plan.Truth;
            Assert.Empty(truth.Problems());
            Assert.Equal(truth.QimList.Count, truth.Gnd.Count);
            Assert.Empty(truth.QimList.Intersect(truth.ImList));
            Assert.All(truth.Gnd, g => Assert.All(g.Easy.Concat(g.Hard).Concat(g.Junk), i => Assert.InRange(i, 0, truth.ImList.Count - 1)));
            Assert.All(truth.Gnd, g => Assert.NotEmpty(g.Easy.Concat(g.Hard)));
        }
    }

    [Fact]
    public void Positives_and_junk_of_a_query_are_views_of_its_own_photo()
    {
        foreach (var truth in PhotoViewsBuilder.Plan(pool.Photos, seed: 11, Small).Select(p => p.Truth))
        {
            for (var q = 0; q < truth.QimList.Count; q++)
            {
                var photo = Path.GetDirectoryName(truth.QimList[q])!.Replace("queries", "gallery", StringComparison.Ordinal);
                Assert.All(truth.Gnd[q].Easy.Concat(truth.Gnd[q].Hard).Concat(truth.Gnd[q].Junk),
                    i => Assert.Equal(photo, Path.GetDirectoryName(truth.ImList[i])));
            }
        }
    }

    private string Build(int seed)
    {
        var outDir = pool.NewOutputDir();
        foreach (var plan in PhotoViewsBuilder.Plan(pool.Photos, seed, Small))
        {
            DatasetWriter.WriteSplit(outDir, plan, parallelism: 2);
        }
        return outDir;
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];
}

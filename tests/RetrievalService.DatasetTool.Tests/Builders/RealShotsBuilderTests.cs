using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.RealShots;
using RetrievalService.DatasetTool.Splits;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class RealShotsBuilderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Every_shot_queries_the_other_shots_of_its_instance_and_its_own_copy_is_junk()
    {
        var shots = new List<Shot>
        {
            Shot("a-tower", "1.png"), Shot("a-tower", "2.png", hard: true), Shot("a-tower", "3.png"),
            Shot("b-shoe", "front.png"), Shot("b-shoe", "back.png"),
        };
        var distractor = new RealShotsBuilder.Distractor("distractors/pkg/sky.png", Image("sky.png"), 200, 150);

        var plans = RealShotsBuilder.Plan(shots, [distractor], seed: 1);

        Assert.Equal([SplitNames.Val, SplitNames.Test], plans.Select(p => p.Split));
        var tower = plans.Single(p => p.Truth.ImList.Contains("a-tower/01-1.png"));
        Assert.Equal(1, tower.Instances);
        Assert.Equal(["a-tower/01-1.png", "a-tower/02-2.png", "a-tower/03-3.png", "distractors/pkg/sky.png"], tower.Truth.ImList);
        Assert.Equal(["queries/a-tower/01-1.png", "queries/a-tower/02-2.png", "queries/a-tower/03-3.png"], tower.Truth.QimList);
        // Shot 2 is marked hard, so every pair that includes it is a hard positive; the query's own copy is junk.
        Assert.Equal("easy 2; hard 1; junk 0", Truth(tower, 0));
        Assert.Equal("easy ; hard 0,2; junk 1", Truth(tower, 1));
        Assert.Equal("easy 0; hard 1; junk 2", Truth(tower, 2));
        Assert.Equal(4 + 3, tower.Jobs.Count);
    }

    [Fact]
    public void A_written_split_is_a_valid_dataset_for_the_evaluator()
    {
        var shots = new List<Shot> { Shot("a-tower", "1.png"), Shot("a-tower", "2.png"), Shot("b-shoe", "1.png"), Shot("b-shoe", "2.png") };
        var plans = RealShotsBuilder.Plan(shots, [], seed: 1);
        var output = temp.Combine("out");

        foreach (var plan in plans)
        {
            DatasetWriter.WriteSplit(output, plan, parallelism: 1);
            var dataset = GndJsonReader.Read(Path.Combine(output, plan.Split));
            Assert.Empty(DatasetValidator.Validate(dataset));
            Assert.Equal(2, dataset.Queries.Count);
        }
    }

    [Fact]
    public void Splits_take_whole_instances_from_every_source_and_share_the_hard_ones_and_the_seed_fixes_them()
    {
        (string, bool)[] instances =
        [
            ("dlib-a", false), ("dlib-b", false), ("dlib-c", true), ("dlib-d", false), ("npm-a", true), ("npm-b", false), ("solo-x", false),
        ];

        var first = RealShotsBuilder.AssignSplits(instances, seed: 3);
        var again = RealShotsBuilder.AssignSplits(instances.Reverse(), seed: 3);

        Assert.Equal(first.OrderBy(p => p.Key), again.OrderBy(p => p.Key));
        // The two instances with hard shots are dealt first, one to each split; then dlib's three others (val, test, val),
        // npm's and solo's, the turn running on.
        Assert.Equal([SplitNames.Val, SplitNames.Test], new[] { first["dlib-c"], first["npm-a"] });
        Assert.Equal(2, new[] { "dlib-a", "dlib-b", "dlib-d" }.Count(i => first[i] == SplitNames.Val));
        Assert.Equal((SplitNames.Test, SplitNames.Val), (first["npm-b"], first["solo-x"]));
    }

    [Fact]
    public void An_instance_with_one_shot_a_repeated_file_or_a_tiny_shot_is_refused()
    {
        Assert.Contains("has one shot", Refusal([Shot("a-x", "1.png"), Shot("b-y", "1.png"), Shot("b-y", "2.png")]), StringComparison.Ordinal);
        var once = Shot("a-x", "1.png");
        Assert.Contains("listed 2 times", Refusal([once, once with { Instance = "a-z" }, Shot("a-x", "2.png")]), StringComparison.Ordinal);
        Assert.Contains("shorter side of 128 px", Refusal([Shot("a-x", "1.png"), Shot("a-x", "small.png", width: 100)]), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_are_read_with_their_hard_marks_and_bad_lines_are_refused_with_their_line_number()
    {
        var debs = temp.Combine("debs");
        Directory.CreateDirectory(Path.Combine(debs, "pkg", "img"));
        Save(Path.Combine(debs, "pkg", "img", "a.png"), 200, 150);
        var list = temp.Combine("list.txt");
        File.WriteAllLines(list, ["# comment", "", "pkg-thing pkg bookworm img/a.png", "pkg-thing pkg bookworm img/a.png hard"]);

        var shots = ShotList.ReadDebian(list, debs);

        Assert.Equal([false, true], shots.Select(s => s.Hard));
        Assert.All(shots, s => Assert.Equal("debian:pkg", s.Source));
        File.WriteAllLines(list, ["pkg-thing pkg bookworm img/missing.png"]);
        Assert.Contains("list.txt:1:", Assert.Throws<InvalidDataException>(() => ShotList.ReadDebian(list, debs)).Message, StringComparison.Ordinal);
        File.WriteAllLines(list, ["Bad_Id pkg bookworm img/a.png"]);
        Assert.Contains("instance id", Assert.Throws<InvalidDataException>(() => ShotList.ReadDebian(list, debs)).Message, StringComparison.Ordinal);
    }

    private string Refusal(List<Shot> shots) =>
        Assert.Throws<InvalidDataException>(() => RealShotsBuilder.Plan(shots, [], seed: 1)).Message;

    private static string Truth(SplitPlan plan, int query)
    {
        var truth = plan.Truth.Gnd[query];
        return $"easy {string.Join(',', truth.Easy)}; hard {string.Join(',', truth.Hard)}; junk {string.Join(',', truth.Junk)}";
    }

    private Shot Shot(string instance, string file, bool hard = false, int width = 200) =>
        new(instance, "debian:pkg", Image($"{instance}/{file}", width), hard);

    private string Image(string name, int width = 200)
    {
        var path = temp.Combine(name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Save(path, width, 150);
        }
        return path;
    }

    private static void Save(string path, int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24((byte)(path.Length * 7), 90, 160));
        image.SaveAsPng(path);
    }
}

using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Caching;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;
using RetrievalService.Evaluation.Search;
using RetrievalService.Evaluation.Tests.Fixtures;

namespace RetrievalService.Evaluator.Tests;

public sealed class EmbeddingCacheTests
{
    private static readonly ModelManifest Model = ModelManifestJson.Load(EvaluationFiles.Teacher);

    private static RetrievalDataset Dataset(string root) => new()
    {
        Name = "d",
        Root = root,
        GroundTruthFile = Path.Combine(root, "gnd.json"),
        Layout = DatasetLayout.Native,
        Images = ["a.png"],
        Queries = [],
        GroundTruth = [],
    };

    [Fact]
    public void Saved_embeddings_load_back_under_the_same_key()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.Combine("a.png"), [1, 2, 3]);
        var dataset = Dataset(temp.Path);
        var key = EmbeddingCacheKey.Compute(Model, "gallery", dataset, ImageJob.Gallery(dataset), ExtractionSettings.SingleScale(224));
        var cache = new EmbeddingCache(temp.Combine("cache"));
        var matrix = new EmbeddingMatrix(1, 3, [0.5f, -0.25f, 1e-7f]);

        cache.Save(key, matrix);

        Assert.Equal(matrix.Values, cache.TryLoad(key, 1, 3)!.Values);
        Assert.Null(cache.TryLoad(key, 1, 4));
    }

    [Fact]
    public void The_key_changes_with_settings_side_model_and_image_file()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.Combine("a.png"), [1, 2, 3]);
        var dataset = Dataset(temp.Path);
        var jobs = ImageJob.Gallery(dataset);
        string Key(ModelManifest model, string side, ExtractionSettings settings) =>
            EmbeddingCacheKey.Compute(model, side, dataset, jobs, settings).Hash;
        var single = ExtractionSettings.SingleScale(224);

        var baseline = Key(Model, "gallery", single);

        Assert.Equal(baseline, Key(Model, "gallery", single));
        Assert.NotEqual(baseline, Key(Model, "gallery", ExtractionSettings.MultiScale(224)));
        Assert.NotEqual(baseline, Key(Model, "gallery", ExtractionSettings.SingleScale(256)));
        Assert.NotEqual(baseline, Key(Model, "queries", single));
        Assert.NotEqual(baseline, Key(Model with { Sha256 = new string('0', 64) }, "gallery", single));
        File.WriteAllBytes(temp.Combine("a.png"), [1, 2, 3, 4]);
        Assert.NotEqual(baseline, Key(Model, "gallery", single));
    }
}

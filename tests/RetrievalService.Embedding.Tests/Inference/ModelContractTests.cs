using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Embedding.Tests.Inference;

public sealed class ModelContractTests
{
    private static ModelRejectedException Refusal(TinyModel model, ModelManifest manifest) =>
        Assert.Throws<ModelRejectedException>(() => OnnxEmbedder.Load(model.SaveManifest(manifest), TestInference.Cpu));

    [Fact]
    public void A_model_that_matches_its_manifest_loads_on_cpu()
    {
        using var model = new TinyModel();
        using var embedder = OnnxEmbedder.Load(model.SaveManifest(), TestInference.Cpu);
        Assert.Equal(ExecutionProviderKind.Cpu, embedder.ExecutionProvider);
        Assert.Equal(TinyModel.Dimension, embedder.Dimension);
    }

    [Fact]
    public void A_manifest_with_the_wrong_dimension_is_refused()
    {
        using var model = new TinyModel();
        var error = Refusal(model, model.Manifest with { Output = new OutputSpec { Dimension = 5 } });
        Assert.Contains("float[batch, 5]", error.Message);
    }

    [Fact]
    public void A_manifest_naming_an_output_the_graph_lacks_is_refused()
    {
        using var model = new TinyModel();
        var error = Refusal(model, model.Manifest with { Output = new OutputSpec { Name = "features", Dimension = TinyModel.Dimension } });
        Assert.Contains("no output 'features'", error.Message);
    }

    [Fact]
    public void A_graph_whose_output_has_another_name_is_refused()
    {
        using var model = new TinyModel(outputName: "pooled");
        var error = Refusal(model, model.Manifest);
        Assert.Contains("no output 'embedding'", error.Message);
    }

    [Fact]
    public void A_manifest_naming_another_input_is_refused()
    {
        using var model = new TinyModel();
        var error = Refusal(model, model.Manifest with { Input = model.Manifest.Input with { Name = "pixels" } });
        Assert.Contains("'pixels'", error.Message);
    }

    [Fact]
    public void A_model_file_whose_sha256_differs_from_the_manifest_is_refused()
    {
        using var model = new TinyModel();
        var error = Refusal(model, model.Manifest with { Sha256 = new string('0', 64) });
        Assert.Contains("SHA-256", error.Message);
        Assert.Equal("tiny-conv-gem", error.ModelId);
    }

    [Fact]
    public void A_graph_with_a_fixed_batch_size_is_refused()
    {
        using var model = new TinyModel(batch: 1);
        var error = Refusal(model, model.Manifest);
        Assert.Contains("symbolic batch", error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_refused()
    {
        using var model = new TinyModel();
        var error = Refusal(model, model.Manifest with { OnnxFile = "absent.onnx" });
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_manifest_made_for_another_image_pipeline_is_refused_naming_both()
    {
        using var model = new TinyModel(minSide: 8, longerSide: 16);
        var error = Refusal(model, model.Manifest with { Input = model.Manifest.Input with { Preprocessing = "imagesharp-bicubic/v0" } });
        Assert.Contains("imagesharp-bicubic/v0", error.Message);
        Assert.Contains(ImagePipeline.Identity, error.Message);
    }

    [Fact]
    public void A_manifest_that_names_no_image_pipeline_is_refused()
    {
        using var model = new TinyModel(minSide: 8, longerSide: 16);
        var error = Refusal(model, model.Manifest with { Input = model.Manifest.Input with { Preprocessing = null } });
        Assert.Contains("preprocessing", error.Message);
    }

    [Fact]
    public void An_input_convention_the_preprocessing_does_not_produce_is_refused()
    {
        using var model = new TinyModel();
        var error = Refusal(model, model.Manifest with { Input = model.Manifest.Input with { ColorOrder = "BGR" } });
        Assert.Contains("NCHW RGB 0..255", error.Message);
    }
}

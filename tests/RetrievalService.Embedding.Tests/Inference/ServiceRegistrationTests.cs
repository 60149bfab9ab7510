using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Embedding.Tests.Inference;

public sealed class ServiceRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddEmbedding();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Decode_limits_bind_from_their_section_into_the_shared_pipeline()
    {
        using var provider = Build(new() { ["Embedding:ImageLimits:MaxWidth"] = "640" });

        var decoder = provider.GetRequiredService<ImagePipeline>();

        Assert.Equal(640, decoder.Limits.MaxWidth);
        Assert.Equal(new ImageDecodeLimits().MaxBytes, decoder.Limits.MaxBytes);
    }

    [Fact]
    public void Out_of_range_options_fail_validation_naming_the_setting()
    {
        using var provider = Build(new() { ["Embedding:Inference:IntraOpThreads"] = "-2" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InferenceOptions>>().Value);
        Assert.Contains("IntraOpThreads", error.Message);
    }

    [Fact]
    public void A_keyed_model_resolves_to_an_image_embedder_that_embeds()
    {
        using var model = new TinyModel();
        var manifestPath = model.SaveManifest();
        using var provider = Build(new() { ["Embedding:Inference:IntraOpThreads"] = "1" }, s => s.AddOnnxEmbedder("teacher", manifestPath));

        var facade = provider.GetRequiredKeyedService<ImageEmbedder>("teacher");

        Assert.Equal(TinyModel.Dimension, facade.Embed(TestImages.SmoothPng(1, 20, 10)).Vector.Length);
        Assert.Same(facade.Model, provider.GetRequiredKeyedService<OnnxEmbedder>("teacher"));
    }
}

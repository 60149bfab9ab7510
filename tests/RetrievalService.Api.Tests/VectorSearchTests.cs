using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Http;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.TestSupport;

namespace RetrievalService.Api.Tests;

/// <summary>
/// <c>POST /search</c> with a vector the client computed itself (a JSON body): the same answer as uploading the photo,
/// checked for the model, the length and the values, and served without an inference slot.
/// </summary>
public sealed class VectorSearchTests(VectorSearchTests.Host host) : IClassFixture<VectorSearchTests.Host>
{
    private const string Small = "student-mnv2-regression-int8";
    private static readonly string[] Gallery = ["home", "fruits", "astronaut", "chelsea", "coffee"];

    private HttpClient Client => host.Client;

    /// <summary>A host with two query models, one retired id, one inference slot, and five photos indexed.</summary>
    public sealed class Host() : ApiHost(new Dictionary<string, string?>
    {
        ["Models:Students:0"] = Small,
        ["Models:Retired:student-mnv2-regression"] = Small,
        ["Api:Limits:MaxConcurrentRequests"] = "1",
        ["Api:Limits:MaxQueuedRequests"] = "0",
    }, Gallery);

    [Theory]
    [InlineData(null)]
    [InlineData(Small)]
    public async Task A_vector_embedded_on_the_client_finds_what_the_uploaded_photo_finds(string? model)
    {
        var modelId = model ?? new ModelsOptions().Student;
        var photo = Photos.Get("coffee");
        var vector = EmbedOnClient(modelId, photo);

        var byPhoto = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, photo, model is null ? "?k=5" : $"?k=5&model={model}"));
        var byVector = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search", Json(new { embedding = vector, model, k = 5 })));

        Assert.Equal(modelId, byVector.Models.Query);
        Assert.Equal(byPhoto.Results.Select(r => r.Id), byVector.Results.Select(r => r.Id));
        Assert.All(byPhoto.Results.Zip(byVector.Results), pair => Assert.InRange(Math.Abs(pair.First.Score - pair.Second.Score), 0, 1e-3));
    }

    [Fact]
    public async Task A_vector_is_normalised_so_its_scale_does_not_matter()
    {
        var vector = EmbedOnClient(new ModelsOptions().Student, Photos.Get("fruits"));

        var unit = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search", Json(new { embedding = vector, k = 3 })));
        var scaled = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search", Json(new { embedding = vector.Select(v => v * 3.5f).ToArray(), k = 3 })));

        Assert.Equal("fruits", unit.Results[0].Id);
        Assert.Equal(unit.Results.Select(r => (r.Id, Math.Round(r.Score, 4))), scaled.Results.Select(r => (r.Id, Math.Round(r.Score, 4))));
    }

    [Fact]
    public async Task A_vector_search_needs_no_inference_slot_so_it_is_served_when_they_are_all_taken()
    {
        var vector = EmbedOnClient(new ModelsOptions().Student, Photos.Get("home"));
        var slots = host.Factory.Services.GetRequiredService<InferenceSlots>();

        using (await slots.EnterAsync(CancellationToken.None))
        {
            using var byPhoto = await Requests.SearchAsync(Client, Photos.Get("home"), "?k=1");
            using var byVector = await Client.PostAsync("/search", Json(new { embedding = vector, k = 1 }));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, byPhoto.StatusCode);
            Assert.Equal(HttpStatusCode.OK, byVector.StatusCode);
        }
    }

    [Theory]
    [InlineData("""{"embedding": [0.1, 0.2, 0.3]}""", "invalid-embedding")]
    [InlineData("""{"embedding": "AAAA"}""", "invalid-embedding")]
    [InlineData("""{"embedding": [1e39]}""", "invalid-embedding")]
    [InlineData("""{"model": "teacher-resnet18-gem-int8"}""", "invalid-embedding")]
    [InlineData("""[0.1, 0.2]""", "invalid-embedding")]
    [InlineData("""{"embedding": [0.1,""", "invalid-embedding")]
    [InlineData("""{"embedding": [], "colour": "red"}""", "unknown-field")]
    [InlineData("""{"embedding": [], "model": "student-from-the-future"}""", "unknown-model")]
    [InlineData("""{"embedding": [], "mode": "symmetric"}""", "invalid-embedding")]
    [InlineData("""{"embedding": [], "k": 0}""", "invalid-k")]
    [InlineData("""{"embedding": [], "filter": "kind=animal"}""", "invalid-filter")]
    public async Task A_bad_vector_query_is_400_with_its_code(string body, string code)
    {
        using var response = await Client.PostAsync("/search", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.DoesNotContain("System.", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vector_as_base64_float16_in_a_form_finds_what_the_json_vector_finds()
    {
        var vector = EmbedOnClient(Small, Photos.Get("chelsea"));
        var half = new byte[2 * vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteHalfLittleEndian(half.AsSpan(2 * i), (Half)vector[i]);
        }
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Convert.ToBase64String(half)), "embedding" },
            { new StringContent(Small), "model" },
            { new StringContent("5"), "k" },
        };

        var byForm = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search", form));
        var byJson = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search", Json(new { embedding = vector, model = Small, k = 5 })));

        Assert.Equal(Small, byForm.Models.Query);
        Assert.Equal(byJson.Results.Select(r => r.Id), byForm.Results.Select(r => r.Id));
        Assert.All(byJson.Results.Zip(byForm.Results), pair => Assert.InRange(Math.Abs(pair.First.Score - pair.Second.Score), 0, 2e-3));
    }

    [Theory]
    [InlineData("not base64 at all!", "invalid-embedding")]
    [InlineData("AAE=", "invalid-embedding")]
    public async Task A_bad_float16_form_vector_is_400(string embedding, string code)
    {
        using var form = new MultipartFormDataContent { { new StringContent(embedding), "embedding" } };

        using var response = await Client.PostAsync("/search", form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_form_with_both_an_image_and_an_embedding_is_400()
    {
        var form = Requests.SearchForm(Photos.Get("home"));
        form.Add(new StringContent(Convert.ToBase64String(new byte[1024])), "embedding");

        using var response = await Client.PostAsync("/search", form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-form");
    }

    [Fact]
    public async Task A_zero_vector_of_the_right_length_is_refused()
    {
        using var response = await Client.PostAsync("/search", Json(new { embedding = new float[512] }));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-embedding");
        Assert.Contains("zero", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vector_from_a_retired_model_is_410_naming_its_replacement()
    {
        using var response = await Client.PostAsync("/search", Json(new { embedding = new float[512], model = "student-mnv2-regression" }));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone, "model-retired");
        Assert.Contains(Small, ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    // What an app does with the model it downloaded: the same image pipeline and the same ONNX file as the server.
    private static float[] EmbedOnClient(string modelId, byte[] photo)
    {
        using var model = OnnxEmbedder.Load(ModelsOptions.ManifestPath(RepoPaths.Models, modelId), new InferenceOptions { IntraOpThreads = 1 });
        return new ImageEmbedder(new ImagePipeline(new ImageDecodeLimits()), model).Embed(photo).Vector;
    }

    private static JsonContent Json<T>(T value) => JsonContent.Create(value);
}

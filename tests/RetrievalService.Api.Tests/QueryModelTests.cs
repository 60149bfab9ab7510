using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Several query models at once (Models:Students), chosen per search with <c>model=</c>; a retired one is 410 with its
/// replacement; each served model's manifest and ONNX file can be downloaded.
/// </summary>
public sealed class QueryModelTests(QueryModelTests.Host host) : IClassFixture<QueryModelTests.Host>
{
    private const string Default = "teacher-resnet18-gem-int8";
    private const string Small = "student-mnv2-regression-int8";
    private const string Retired = "student-mnv2-regression";

    private HttpClient Client => host.Client;

    /// <summary>One host serving two query models, with one retired, and one photo indexed.</summary>
    public sealed class Host() : ApiHost(new Dictionary<string, string?>
    {
        ["Models:Students:0"] = Default,
        ["Models:Students:1"] = Small,
        [$"Models:Retired:{Retired}"] = Small,
    }, "home");

    [Fact]
    public async Task Models_lists_every_served_query_model_the_default_first_and_the_retired_ones_with_their_replacements()
    {
        var models = await Requests.ReadAsync<ModelsResponse>(await Client.GetAsync("/models"));

        Assert.Equal([Default, Small], models.Students.Select(s => s.Id));
        Assert.Equal([true, false], models.Students.Select(s => s.Default));
        Assert.All(models.Students, s => Assert.True(s.Compatible));
        Assert.Equal([new RetiredModel(Retired, Small)], models.Retired);
    }

    [Theory]
    [InlineData(null, Default)]
    [InlineData(Small, Small)]
    [InlineData(Default, Default)]
    public async Task A_search_embeds_the_query_with_the_model_it_names_or_the_default(string? model, string expected)
    {
        var query = model is null ? "?k=1" : $"?k=1&model={model}";

        var response = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("home"), query));

        Assert.Equal(expected, response.Models.Query);
        Assert.Equal("home", response.Results[0].Id);
    }

    [Fact]
    public async Task An_unknown_model_is_400_naming_the_served_ones()
    {
        using var response = await Requests.SearchAsync(Client, Photos.Get("home"), "?model=student-from-the-future");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown-model");
        Assert.Contains($"'{Default}', '{Small}'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_model_is_410_gone_naming_its_replacement()
    {
        using var response = await Requests.SearchAsync(Client, Photos.Get("home"), $"?model={Retired}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone, "model-retired");
        Assert.Contains($"use '{Small}'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_with_symmetric_mode_is_400()
    {
        using var response = await Requests.SearchAsync(Client, Photos.Get("home"), $"?mode=symmetric&model={Small}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown-model");
    }

    [Fact]
    public async Task A_served_model_is_described_and_its_onnx_file_downloads_whole_with_its_sha256_as_etag()
    {
        var detail = await Requests.ReadAsync<ModelDetail>(await Client.GetAsync($"/models/{Small}"));
        using var file = await Client.GetAsync(detail.OnnxUrl);
        var bytes = await file.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(detail.OnnxBytes, bytes.Length);
        Assert.Equal(detail.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{detail.Sha256}\"", file.Headers.ETag?.Tag);
        Assert.Contains("immutable", file.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True(file.Headers.CacheControl!.Private, "a download that needs a key is no shared cache's to keep");
        Assert.Equal("skia-dct-cover2/keys-bicubic/v1", detail.Manifest.Input.Preprocessing);
    }

    [Fact]
    public async Task The_onnx_file_serves_ranges_and_answers_304_to_its_etag()
    {
        var detail = await Requests.ReadAsync<ModelDetail>(await Client.GetAsync($"/models/{Small}"));
        using var whole = await Client.GetAsync(detail.OnnxUrl);
        var expected = (await whole.Content.ReadAsByteArrayAsync())[100..200];

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, detail.OnnxUrl) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var range = await Client.SendAsync(rangeRequest);
        using var cachedRequest = new HttpRequestMessage(HttpMethod.Get, detail.OnnxUrl);
        cachedRequest.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{detail.Sha256}\""));
        using var cached = await Client.SendAsync(cachedRequest);

        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(expected, await range.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
    }

    [Theory]
    [InlineData("teacher-resnet18-gem")]
    [InlineData(Retired)]
    [InlineData("nothing-like-it")]
    public async Task Only_served_query_models_can_be_downloaded(string id)
    {
        using var detail = await Client.GetAsync($"/models/{id}");
        using var file = await Client.GetAsync($"/models/{id}/onnx");

        await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.NotFound, "model-not-found");
        await ProblemAssert.IsProblemAsync(file, HttpStatusCode.NotFound, "model-not-found");
    }
}

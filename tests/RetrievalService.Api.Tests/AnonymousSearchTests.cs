using System.Net;
using System.Net.Http.Headers;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Tests;

/// <summary>
/// With <c>Api:Auth:AllowAnonymousSearch</c> on, clients without a key may search and read, never write; a client that
/// presents a bad key is still told so rather than served as anonymous.
/// </summary>
public sealed class AnonymousSearchTests : IAsyncLifetime
{
    private ApiFactory factory = null!;
    private HttpClient anonymous = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Api:Auth:AllowAnonymousSearch"] = "true" });
        using var indexer = await factory.CreateClientAsync(ApiKeyScopes.Index);
        await Requests.ReadAsync<Endpoints.IndexResponse>(await indexer.PostAsync("/index", Requests.IndexForm([("home", Photos.Get("home"))])));
        anonymous = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        anonymous.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Searching_reading_an_image_and_listing_models_need_no_key()
    {
        var search = await Requests.ReadAsync<Endpoints.SearchResponse>(await Requests.SearchAsync(anonymous, Photos.Get("home"), "?k=1"));
        using var image = await anonymous.GetAsync("/images/home");
        using var models = await anonymous.GetAsync("/models");

        Assert.Equal("home", search.Results[0].Id);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
    }

    [Fact]
    public async Task Indexing_deleting_and_metrics_still_need_a_key()
    {
        using var index = await anonymous.PostAsync("/index", Requests.IndexForm([("other", Photos.Get("fruits"))]));
        using var delete = await anonymous.DeleteAsync("/images/home");
        using var metrics = await anonymous.GetAsync("/metrics");

        await ProblemAssert.IsProblemAsync(index, HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.IsProblemAsync(metrics, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_search_with_an_unknown_key_is_refused_not_served_as_anonymous()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/search?k=1") { Content = Requests.SearchForm(Photos.Get("home")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeySecret.Generate().Token);

        using var response = await anonymous.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-key");
    }
}

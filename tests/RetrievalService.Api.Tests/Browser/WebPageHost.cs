using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>
/// The real API on real Kestrel (the browser needs a socket) with nine of the ten photos indexed, a key of every scope,
/// and chromium. <see cref="Withheld"/> stays out of the gallery, for the tests that upload it.
/// </summary>
public sealed class WebPageHost : IAsyncLifetime
{
    public const string Withheld = "rocket";

    private readonly Chromium chromium = new();

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress => Client.BaseAddress!;

    public string Key { get; private set; } = null!;

    public Microsoft.Playwright.IBrowser Browser => chromium.Browser;

    public async Task InitializeAsync()
    {
        Factory = await ApiFactory.StartOnKestrelAsync();
        Key = await Factory.CreateKeyAsync();
        Client = Factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        var photos = Photos.All.Where(p => p.Id != Withheld).Select(p => (p.Id, p.Bytes));
        var indexed = await Client.PostAsync("/index", Requests.IndexForm(photos));
        Assert.True(indexed.IsSuccessStatusCode, await indexed.Content.ReadAsStringAsync());
        await chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

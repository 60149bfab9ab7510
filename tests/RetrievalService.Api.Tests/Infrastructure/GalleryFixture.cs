using System.Text.Json;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>One API host with the ten photos indexed (metadata: their id as <c>name</c>, and a <c>kind</c>), shared by a collection.</summary>
public sealed class GalleryFixture : IAsyncLifetime
{
    public static readonly string[] Animals = ["chelsea", "baboon", "squirrel"];

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await ApiFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Embedding:ImageLimits:MaxBytes"] = (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Limits:MaxSearchRequestBytes"] = (5 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Limits:MaxIndexRequestBytes"] = (8 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Limits:MaxIndexFiles"] = "12",
        });
        Client = await Factory.CreateClientAsync();
        var metadata = JsonSerializer.Serialize(Photos.All.ToDictionary(p => p.Id,
            p => new { name = p.Id, kind = Animals.Contains(p.Id) ? "animal" : "other" }));
        var response = await Client.PostAsync("/index", Requests.IndexForm(Photos.All.Select(p => (p.Id, p.Bytes)), metadata: metadata));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GalleryCollection : ICollectionFixture<GalleryFixture>
{
    public const string Name = "gallery";
}

using RetrievalService.Api.Endpoints;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>A class fixture: one host with <paramref name="settings"/>, a client with a key of every scope, and <paramref name="photos"/> indexed.</summary>
public abstract class ApiHost(IReadOnlyDictionary<string, string?> settings, params string[] photos) : IAsyncLifetime
{
    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await ApiFactory.CreateAsync(settings);
        Client = await Factory.CreateClientAsync();
        if (photos.Length > 0)
        {
            await Requests.ReadAsync<IndexResponse>(await Client.PostAsync("/index", Requests.IndexForm(photos.Select(id => (id, Photos.Get(id))))));
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

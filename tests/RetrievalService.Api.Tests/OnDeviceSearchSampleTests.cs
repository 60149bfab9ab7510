using System.Text.Json;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Samples.OnDeviceSearch;

namespace RetrievalService.Api.Tests;

/// <summary>
/// The reference client (samples/RetrievalService.Samples.OnDeviceSearch) downloads the query model, embeds real photos
/// itself and searches by vector: the same ids in the same order as the server's own embedding, scores within 1e-3.
/// </summary>
public sealed class OnDeviceSearchSampleTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Gallery = ["home", "fruits", "astronaut", "chelsea", "coffee", "baboon"];
    private readonly string cache = Directory.CreateTempSubdirectory("on-device-search-").FullName;
    private ApiFactory factory = null!;
    private HttpClient client = null!;
    private string key = "";

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Models:Students:0"] = "student-mnv2-regression-int8" });
        key = await factory.CreateKeyAsync(Storage.Keys.ApiKeyScopes.Search, Storage.Keys.ApiKeyScopes.Index);
        client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        await Requests.ReadAsync<IndexResponse>(await client.PostAsync("/index", Requests.IndexForm(Gallery.Select(id => (id, Photos.Get(id))))));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(cache, recursive: true);

    [Theory]
    [InlineData(null, "coffee")]
    [InlineData("student-mnv2-regression-int8", "chelsea")]
    public async Task The_client_embedding_finds_what_the_server_embedding_finds(string? model, string photoId)
    {
        var photo = Path.Combine(cache, photoId + ".img");
        await File.WriteAllBytesAsync(photo, Photos.Get(photoId));
        string[] args = model is null
            ? ["--url", "http://localhost", "--key", key, "--k", "6", "--cache", cache, photo]
            : ["--url", "http://localhost", "--key", key, "--model", model, "--k", "6", "--cache", cache, photo];
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await OnDeviceSearch.RunAsync(args, output, errors, factory.Server.CreateHandler());
        var server = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(client, Photos.Get(photoId), model is null ? "?k=6" : $"?k=6&model={model}"));

        Assert.True(exit == 0, errors.ToString());
        var onDevice = JsonSerializer.Deserialize<SearchResponse>(output.ToString(), Requests.Json)!;
        Assert.Equal(server.Models.Query, onDevice.Models.Query);
        Assert.Equal(photoId, onDevice.Results[0].Id);
        Assert.Equal(server.Results.Select(r => r.Id), onDevice.Results.Select(r => r.Id));
        Assert.All(server.Results.Zip(onDevice.Results), pair => Assert.InRange(Math.Abs(pair.First.Score - pair.Second.Score), 0, 1e-3));
    }

    [Fact]
    public async Task A_second_run_uses_the_cached_model_file()
    {
        var photo = Path.Combine(cache, "home.img");
        await File.WriteAllBytesAsync(photo, Photos.Get("home"));
        string[] args = ["--url", "http://localhost", "--key", key, "--cache", cache, photo];
        Assert.Equal(0, await OnDeviceSearch.RunAsync(args, TextWriter.Null, TextWriter.Null, factory.Server.CreateHandler()));
        var onnx = Directory.GetFiles(cache, "*.onnx").Single();
        var written = File.GetLastWriteTimeUtc(onnx);

        Assert.Equal(0, await OnDeviceSearch.RunAsync(args, TextWriter.Null, TextWriter.Null, factory.Server.CreateHandler()));

        Assert.Equal(written, File.GetLastWriteTimeUtc(onnx));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RetrievalService.Storage.Tests.Infrastructure;

namespace RetrievalService.Storage.Tests.Configuration;

public sealed class RegistrationTests
{
    [Fact]
    public async Task AddGalleryStore_binds_options_and_migrates_when_the_host_starts()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var provider = Build(new()
        {
            ["GalleryStore:ConnectionString"] = await TestDatabase.ConnectionStringAsync(),
            ["GalleryStore:Schema"] = schema,
            ["GalleryStore:HnswM"] = "8",
        });

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
        var store = provider.GetRequiredService<GalleryStore>();

        Assert.Equal(8, store.Options.HnswM);
        Assert.Empty(await store.GetModelsAsync());
        await using var cleanup = new TestGallery(store.Options);
    }

    [Theory]
    [InlineData("HnswEfConstruction", "20", "HnswEfConstruction")]
    [InlineData("Schema", "Bad-Schema", "Schema")]
    [InlineData("ConnectionString", "", "ConnectionString")]
    public void Invalid_options_are_refused_with_the_setting_named(string key, string value, string named)
    {
        using var provider = Build(new()
        {
            ["GalleryStore:ConnectionString"] = "Host=127.0.0.1",
            [$"GalleryStore:{key}"] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GalleryStoreOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddGalleryStore()
        .BuildServiceProvider();
}

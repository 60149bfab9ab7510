using Npgsql;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Storage.Tests.Models;

public sealed class UnavailableTests
{
    [Fact]
    public async Task A_server_that_refuses_connections_fails_with_gallery_unavailable_after_the_retries()
    {
        var cs = new NpgsqlConnectionStringBuilder(await TestDatabase.ConnectionStringAsync()) { Port = 1, Timeout = 2 };
        await using var store = GalleryStore.Create(new GalleryStoreOptions
        {
            ConnectionString = cs.ConnectionString, MaxRetries = 2, RetryBaseDelayMs = 10,
        });

        var error = await Assert.ThrowsAsync<GalleryUnavailableException>(() => store.CountAsync("teacher"));

        Assert.Equal(3, error.Attempts);
        Assert.Contains($"{cs.Host}:1/{cs.Database}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(cs.Password!, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_gallery_unavailable_without_retrying()
    {
        var cs = new NpgsqlConnectionStringBuilder(await TestDatabase.ConnectionStringAsync()) { Password = "wrong" };
        await using var store = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = cs.ConnectionString, MaxRetries = 3 });

        var error = await Assert.ThrowsAsync<GalleryUnavailableException>(() => store.EnsureSchemaAsync());

        Assert.Equal(1, error.Attempts);
        Assert.IsType<PostgresException>(error.InnerException);
    }

    [Fact]
    public async Task After_the_retries_are_spent_calls_fail_at_once_until_the_cool_down_ends()
    {
        var cs = new NpgsqlConnectionStringBuilder(await TestDatabase.ConnectionStringAsync()) { Port = 1, Timeout = 2 };
        await using var store = GalleryStore.Create(new GalleryStoreOptions
        {
            ConnectionString = cs.ConnectionString, MaxRetries = 2, RetryBaseDelayMs = 10, OutageCooldownMs = 300,
        });

        var first = await Assert.ThrowsAsync<GalleryUnavailableException>(() => store.CountAsync("teacher"));
        var during = await Assert.ThrowsAsync<GalleryUnavailableException>(() => store.CountAsync("teacher"));
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var after = await Assert.ThrowsAsync<GalleryUnavailableException>(() => store.CountAsync("teacher"));

        Assert.Equal(3, first.Attempts);
        Assert.Equal(0, during.Attempts);
        Assert.Null(during.InnerException);
        Assert.Equal(3, after.Attempts);
    }
}

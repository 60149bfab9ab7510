using System.Net;
using System.Net.Http.Json;
using Npgsql;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// A write the database aborts over a conflict with concurrent work (here the server's lock_timeout, while another
/// connection holds the row) is a 503 the client may retry, not a 500; once the conflict is gone the same request succeeds.
/// </summary>
public sealed class DatabaseConflictTests
{
    [Fact]
    public async Task A_patch_that_meets_a_lock_timeout_is_503_database_busy_with_retry_after_and_succeeds_when_retried()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await TestDatabase.ConnectionStringAsync()) { Options = "-c lock_timeout=200" }.ConnectionString;
        await using var factory = await ApiFactory.CreateAsync(connectionString: connectionString);
        using var client = await factory.CreateClientAsync();
        await Requests.ReadAsync<IndexResponse>(await client.PostAsync("/index", Requests.IndexForm([("fruits", Photos.Get("fruits"))])));
        var held = await HeldRowLock.TakeAsync(await TestDatabase.ConnectionStringAsync(), factory.Schema, "teacher-resnet18-gem", "fruits");

        using var refused = await client.PatchAsync("/images/fruits", JsonContent.Create(new { metadata = new { kind = "fruit" } }));
        await held.DisposeAsync();
        using var retried = await client.PatchAsync("/images/fruits", JsonContent.Create(new { metadata = new { kind = "fruit" } }));

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "database-busy");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }
}

using System.Security.Cryptography;
using System.Text;
using Npgsql;
using RetrievalService.Indexing.Tests.Infrastructure;

namespace RetrievalService.Indexing.Tests;

/// <summary><c>indexer keys create | list | revoke</c> as an operator runs them (a child process, stdout read as a script would).</summary>
public sealed class KeysCommandTests : IsolatedTest
{
    [Fact]
    public async Task Create_prints_the_key_once_and_the_database_keeps_only_the_hash_of_its_secret()
    {
        var (exit, stdout, _) = await RunAsync("keys", "create", "--name", "mobile app", "--scopes", "index,search");

        Assert.Equal(ExitCodes.Ok, exit);
        var key = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^rsk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key);
        var (id, secret) = (key[4..16], key[17..]);
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var row = new NpgsqlCommand($"SELECT name, scopes, secret_sha256, row_to_json(k)::text FROM \"{Schema}\".api_keys k WHERE key_id = @id", connection);
        row.Parameters.AddWithValue("id", id);
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("mobile app", reader.GetString(0));
        Assert.Equal(["search", "index"], reader.GetFieldValue<string[]>(1));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(secret)), reader.GetFieldValue<byte[]>(2));
        Assert.DoesNotContain(secret, reader.GetString(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_ids_names_scopes_and_revocations_but_never_a_secret()
    {
        var key = (await RunAsync("keys", "create", "--name", "gallery admin", "--scopes", "admin")).Stdout.Trim();
        var id = key[4..16];

        var revoke = await RunAsync("keys", "revoke", id);
        var (exit, list, _) = await RunAsync("keys", "list");

        Assert.Equal(ExitCodes.Ok, revoke.Exit);
        Assert.Equal(ExitCodes.Ok, exit);
        var line = Assert.Single(list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        var columns = line.Split('\t');
        Assert.Equal([id, "gallery admin", "admin"], columns[..3]);
        Assert.NotEqual("-", columns[4]);
        Assert.DoesNotContain(key[17..], list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keys", "create", "--name", "x", "--scopes", "search,everything")]
    [InlineData("keys", "create", "--name", " ", "--scopes", "search")]
    [InlineData("keys", "revoke", "0123456789ab")]
    public async Task Bad_scopes_names_or_ids_exit_2_with_a_message(params string[] args)
    {
        var (exit, _, stderr) = await RunAsync(args);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.StartsWith("indexer: ", stderr, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => Runner.RunChildAsync(args);
}

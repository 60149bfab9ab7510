using Npgsql;

namespace RetrievalService.TestSupport;

/// <summary>
/// The real PostgreSQL + pgvector the tests run against: the connection string in <c>RETRIEVAL_DB</c>, which
/// <c>scripts/test.sh</c> sets. The tests never start a server themselves; without one they fail, saying how to get
/// one, and never skip.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "RETRIEVAL_DB";

    private static readonly Lazy<Task<string>> Checked = new(CheckAsync);

    /// <summary>The connection string, once the server has answered; every later call reuses the first answer.</summary>
    /// <exception cref="InvalidOperationException"><c>RETRIEVAL_DB</c> is not set, or its server does not answer.</exception>
    public static Task<string> ConnectionStringAsync() => Checked.Value;

    // One connection up front, so a stopped server fails every test with the fix rather than with a socket error each.
    private static async Task<string> CheckAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the tests need PostgreSQL + pgvector. Run them with scripts/test.sh, " +
                $"or first `export {EnvironmentVariable}=$(scripts/db.sh start)`.");
        }
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"The server in {EnvironmentVariable} does not answer ({e.Message}); for the private cluster run `scripts/db.sh start`.", e);
        }
        return connectionString;
    }
}

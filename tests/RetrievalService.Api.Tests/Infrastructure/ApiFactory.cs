using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>
/// The real API host against the real PostgreSQL + pgvector (<see cref="TestDatabase"/>) and the repository's real ONNX
/// models (named explicitly: the host looks for them nowhere else), on a schema of its own that is dropped on dispose.
/// ONNX Runtime runs with one thread (tests pin threads on 2-core machines: docs/platform.md#threads-on-two-shared-cores).
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private ApiFactory(string connectionString, string schema, IReadOnlyDictionary<string, string?>? overrides)
    {
        ConnectionString = connectionString;
        settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["GalleryStore:ConnectionString"] = connectionString,
            ["GalleryStore:Schema"] = schema,
            ["GalleryStore:MaxRetries"] = "1",
            ["GalleryStore:RetryBaseDelayMs"] = "50",
            ["Models:Directory"] = RepoPaths.Models,
            ["Embedding:Inference:ExecutionProvider"] = "Cpu",
            ["Embedding:Inference:IntraOpThreads"] = "1",
            ["Embedding:Inference:InterOpThreads"] = "1",
            ["Indexing:DecodeParallelism"] = "2",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        // Quotas out of the way: tests send hundreds of requests a second from one key and one address; QuotaTests sets its own.
        foreach (var bucket in new[] { "Search", "Index", "Admin", "Anonymous" })
        {
            settings[$"Api:Quotas:{bucket}:Burst"] = "1000000";
            settings[$"Api:Quotas:{bucket}:PerMinute"] = "600000";
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        Schema = settings["GalleryStore:Schema"]!;
    }

    /// <summary>Services added over the host's own before it starts (a log sink, say); null for none.</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    /// <summary>The database the host uses.</summary>
    public string ConnectionString { get; }

    /// <summary>The host's own gallery schema.</summary>
    public string Schema { get; }

    /// <summary>A host on the test database with a fresh schema; <paramref name="overrides"/> replace any setting.</summary>
    public static async Task<ApiFactory> CreateAsync(IReadOnlyDictionary<string, string?>? overrides = null, string? connectionString = null) =>
        new(connectionString ?? await TestDatabase.ConnectionStringAsync(), NewSchema(), overrides);

    /// <summary>A client whose requests carry a new key with <paramref name="scopes"/> (every scope when none are named).</summary>
    public async Task<HttpClient> CreateClientAsync(params string[] scopes)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await CreateKeyAsync(scopes));
        return client;
    }

    /// <summary>A new key in the host's schema with <paramref name="scopes"/> (every scope when none are named); starts the host.</summary>
    public async Task<string> CreateKeyAsync(params string[] scopes)
    {
        var keys = Services.GetRequiredService<ApiKeyStore>();
        var (_, secret) = await keys.CreateAsync("tests", scopes.Length == 0 ? ApiKeyScopes.All : scopes);
        return secret.Token;
    }

    /// <summary>
    /// A host on real Kestrel at a loopback port, started: for what the in-memory test server cannot show (it hands a
    /// request over only once its body is complete, and has no client address).
    /// </summary>
    public static async Task<ApiFactory> StartOnKestrelAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var factory = await CreateAsync(overrides);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>A unique lower-case schema name.</summary>
    public static string NewSchema() => "api_" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => ExtraServices?.Invoke(services));
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await DropSchemaAsync();
        }
    }

    // Also after a host that refused to start: its schema (and anything a test put there) must not outlive the test.
    private async Task DropSchemaAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // A test that stopped its private cluster has nothing left to clean.
        }
    }
}

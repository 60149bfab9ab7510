using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Hosting;

/// <summary>
/// Runs a subcommand on the generic host, so the CLI gets the same <c>AddXxx</c> registrations, configuration
/// sources and start-up option validation as the API.
/// </summary>
internal static class IndexerHost
{
    /// <summary>
    /// Starts the host (validating options: without <c>GalleryStore:ConnectionString</c> it refuses, naming the
    /// setting; migrating the schema), runs <paramref name="body"/>, stops it.
    /// </summary>
    public static Task<int> RunAsync(
        IReadOnlyDictionary<string, string?> overrides, bool verbose,
        Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        IndexerErrors.GuardAsync(async () =>
        {
            using var host = await StartAsync(overrides, verbose, cancellationToken);
            // SIGTERM reaches the host's lifetime rather than System.CommandLine: honour both.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
                cancellationToken, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            try
            {
                return await body(host.Services, stopping.Token);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }, cancellationToken);

    private static async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> overrides, bool verbose, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ApplicationName = "indexer",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddGalleryIndexing();
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using RetrievalService.Storage;
using RetrievalService.Storage.Keys;

namespace RetrievalService.SearchBench;

/// <summary>
/// The real API (<c>RetrievalService.Api.dll</c>, Release build) as a child process on a free local port, with a key of
/// every scope for the bench and its quotas lifted: what is measured is search, not quota refusals.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress, AuthenticationHeaderValue authorization)
    {
        _process = process;
        BaseAddress = baseAddress;
        Authorization = authorization;
    }

    public Uri BaseAddress { get; }

    /// <summary>The bench's key, for every request's Authorization header.</summary>
    public AuthenticationHeaderValue Authorization { get; }

    public static async Task<ApiProcess> StartAsync(string repoRoot, string connectionString, string schema, string logPath)
    {
        string key;
        await using (var store = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = connectionString, Schema = schema }))
        {
            key = (await new ApiKeyStore(store).CreateAsync("search-bench", ApiKeyScopes.All)).Secret.Token;
        }
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(repoRoot, "src/RetrievalService.Api/bin/Release/net10.0/RetrievalService.Api.dll"));
        info.Environment["GalleryStore__ConnectionString"] = connectionString;
        info.Environment["GalleryStore__Schema"] = schema;
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["Embedding__Inference__IntraOpThreads"] = "1";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var scope in new[] { "Search", "Index", "Admin" })
        {
            info.Environment[$"Api__Quotas__{scope}__Burst"] = "1000000";
            info.Environment[$"Api__Quotas__{scope}__PerMinute"] = "600000";
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new object();
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    log.WriteLine(line);
                }
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, new Uri(url), new AuthenticationHeaderValue("Bearer", key));
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"API exited with {process.ExitCode}; see {logPath}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        await api.DisposeAsync();
        throw new TimeoutException($"API not ready after 3 minutes; see {logPath}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

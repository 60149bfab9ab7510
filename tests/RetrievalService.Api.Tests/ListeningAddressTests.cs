using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// The built service, started as an operator starts it (<c>dotnet RetrievalService.Api.dll</c> beside its
/// appsettings.json), listens where the environment says: what the container image and scripts/run.sh rely on.
/// </summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task The_service_listens_on_the_address_ASPNETCORE_URLS_names()
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RetrievalService.Api.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["GalleryStore__ConnectionString"] = await TestDatabase.ConnectionStringAsync();
        start.Environment["GalleryStore__Schema"] = ApiFactory.NewSchema();
        start.Environment["Models__Directory"] = RepoPaths.Models;
        start.Environment["Embedding__Inference__IntraOpThreads"] = "1";
        using var service = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = service.StandardOutput.ReadToEndAsync();
        var errors = service.StandardError.ReadToEndAsync();
        try
        {
            var status = await LiveStatusAsync(new Uri($"http://127.0.0.1:{port}/health/live"), service);

            Assert.True(status == HttpStatusCode.OK,
                $"No answer on port {port} within a minute (exit: {(service.HasExited ? service.ExitCode : "running")}).");
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
            await Task.WhenAll(output, errors);
        }
    }

    // The first answer of /health/live, or null when the service exits or a minute passes without one.
    private static async Task<HttpStatusCode?> LiveStatusAsync(Uri live, Process service)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !service.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(live);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }
        return null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

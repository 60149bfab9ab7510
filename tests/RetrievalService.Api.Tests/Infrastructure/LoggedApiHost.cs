using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>A class fixture: a host that logs at Information into <see cref="Sink"/>, for tests that read the log.</summary>
public sealed class LoggedApiHost : IAsyncLifetime
{
    public CollectingLogSink Sink { get; } = new();

    public ApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" });
        Factory.ExtraServices = services => services.AddSingleton<ILogEventSink>(Sink);
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}

using OpenTelemetry.Metrics;
using Serilog;

namespace RetrievalService.Api.Telemetry;

/// <summary>Serilog for logs; OpenTelemetry metrics exported in the Prometheus format at <c>/metrics</c>.</summary>
public static class TelemetrySetup
{
    /// <summary>
    /// Serilog reads levels and sinks from the <c>Serilog</c> section and writes to the console with the request id of
    /// every event (<see cref="Http.RequestIds"/>), control characters in text properties escaped (<see cref="ControlCharacterEscaper"/>).
    /// </summary>
    public static IServiceCollection AddApiLogging(this IServiceCollection services)
    {
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>())
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            .Enrich.With<ControlCharacterEscaper>()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return services;
    }

    /// <summary>
    /// The API's meter (embed and search latency, batch sizes, indexed images) plus ASP.NET Core's request duration,
    /// Kestrel and rate-limiting meters, with the Prometheus exporter.
    /// </summary>
    public static IServiceCollection AddApiMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ApiTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
            .AddPrometheusExporter());
        return services;
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Telemetry;
using RetrievalService.Storage;

namespace RetrievalService.Api.Models;

/// <summary>
/// Follows the live gallery in the database, so a switch made by another instance or by <c>indexer gallery switch</c>
/// reaches this one within <see cref="GalleriesOptions.LiveRefreshMs"/>, and measures the galleries for <c>GET /models</c>
/// and the metrics every <see cref="GalleriesOptions.ProgressRefreshMs"/>. A database outage leaves the last state in place.
/// </summary>
internal sealed class LiveGalleryMonitor(
    Galleries galleries, GalleryStore store, ReadinessState readiness, ApiTelemetry telemetry, IOptions<GalleriesOptions> options,
    ILogger<LiveGalleryMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        telemetry.ObserveGalleries(ImageGauges, UpgradeGauges);
        var refresh = TimeSpan.FromMilliseconds(options.Value.LiveRefreshMs);
        var measureEvery = TimeSpan.FromMilliseconds(options.Value.ProgressRefreshMs);
        var measuredAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(refresh);
        do
        {
            // Start-up reads the live gallery itself; until it has, there is nothing to follow.
            if (!readiness.ModelsLoaded)
            {
                continue;
            }
            try
            {
                if (await store.GetLiveGalleryAsync(stoppingToken) is { } live)
                {
                    galleries.Publish(live);
                }
                if (DateTimeOffset.UtcNow - measuredAt >= measureEvery)
                {
                    galleries.Progress = await MeasureAsync(stoppingToken);
                    measuredAt = galleries.Progress.MeasuredAt;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever the database answers (a gallery dropped between listing and counting, a timeout), the
                // service goes on with the last state: a background service that throws would stop the host.
                ApiLog.GalleryMonitorFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<long>> ImageGauges() =>
        galleries.Progress?.Images.Select(i => new Measurement<long>(i.Value,
            new KeyValuePair<string, object?>("teacher", i.Key), new KeyValuePair<string, object?>("live", i.Key == galleries.LiveState?.ModelId)))
        ?? [];

    private IEnumerable<Measurement<long>> UpgradeGauges() =>
        galleries.Progress?.Upgrade is { } c
            ? [new Measurement<long>(c.Missing + c.Stale + c.Extra, new KeyValuePair<string, object?>("teacher", c.NextModelId))]
            : [];

    // Counts only what GET /models shows: the served galleries' rows. During an upgrade the comparison has counted the
    // two galleries already.
    private async Task<GalleryProgress> MeasureAsync(CancellationToken ct)
    {
        var upgrade = galleries.Pending is { } pending && galleries.LiveState is { } live && await store.FindModelAsync(pending.Teacher.Id, ct) is not null
            ? await store.CompareGalleriesAsync(live.ModelId, pending.Teacher.Id, ct)
            : null;
        var images = new Dictionary<string, long>(StringComparer.Ordinal);
        if (upgrade is not null)
        {
            images[upgrade.LiveModelId] = upgrade.LiveItems;
            images[upgrade.NextModelId] = upgrade.NextItems;
        }
        foreach (var teacher in galleries.All.Select(g => g.Teacher.Id).Where(id => !images.ContainsKey(id)))
        {
            if (await store.FindModelAsync(teacher, ct) is not null)
            {
                images[teacher] = await store.CountAsync(teacher, ct);
            }
        }
        return new GalleryProgress(images, upgrade, DateTimeOffset.UtcNow);
    }
}

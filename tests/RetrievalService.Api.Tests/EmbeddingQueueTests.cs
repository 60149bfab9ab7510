using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Inference;
using RetrievalService.Api.Telemetry;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;

namespace RetrievalService.Api.Tests;

/// <summary>The micro-batching queue in front of the real student model.</summary>
public sealed class EmbeddingQueueTests : IDisposable
{
    private readonly OnnxEmbedder student = OnnxEmbedder.Load(Path.Combine(RepoPaths.Models, "student-mnv2-linear.manifest.json"),
        new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1 });
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task Concurrent_queries_share_model_calls_and_get_the_vectors_they_would_get_alone()
    {
        var batches = new List<int>();
        using var listener = ListenToBatchSizes(batches);
        await using var queue = new EmbeddingQueue(student, new BatchingOptions { MaxBatchSize = 8, MaxDelayMs = 50 }, Telemetry(), NullLogger.Instance);
        var alone = Enumerable.Range(0, 8).Select(i => { using var t = Tensor(i); return student.Embed(t); }).ToList();

        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => queue.EmbedAsync(Tensor(i), CancellationToken.None)));

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(alone[i], together[i], (a, b) => Math.Abs(a - b) < 1e-4f);
        }
        Assert.Equal(8, batches.Sum());
        Assert.True(batches.Count < 8, $"batch sizes: {string.Join(", ", batches)}");
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_instead_of_waiting()
    {
        await using var queue = new EmbeddingQueue(student, new BatchingOptions { MaxBatchSize = 1, MaxDelayMs = 0, QueueCapacity = 1 }, Telemetry(), NullLogger.Instance);

        var accepted = new List<Task<float[]>>();
        var error = await Record.ExceptionAsync(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                accepted.Add(queue.EmbedAsync(Tensor(i), CancellationToken.None));
            }
            await Task.WhenAll(accepted);
        });

        Assert.IsType<InferenceSaturatedException>(error);
        await Task.WhenAll(accepted);
    }

    public void Dispose()
    {
        student.Dispose();
        services.Dispose();
    }

    private ApiTelemetry Telemetry() => new(services.GetRequiredService<IMeterFactory>());

    private MeterListener ListenToBatchSizes(List<int> sizes)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Only this test's meter: API hosts of other test classes publish the same instrument.
                if (instrument.Name == "retrieval.embed.batch_size" && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => { lock (sizes) { sizes.Add(value); } });
        listener.Start();
        return listener;
    }

    private PreprocessedImage Tensor(int seed)
    {
        var rgb = new byte[96 * 96 * 3];
        for (var i = 0; i < rgb.Length; i += 3)
        {
            (rgb[i], rgb[i + 1], rgb[i + 2]) = ((byte)(seed * 30), 90, (byte)(200 - seed * 20));
        }
        using var raster = RgbRaster.FromRgb(96, 96, rgb);
        return ImagePipeline.ToTensor(raster, 96, student.Manifest.Input.MinSide);
    }
}

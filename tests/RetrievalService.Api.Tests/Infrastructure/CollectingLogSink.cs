using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>Every log event the host writes, as its sinks receive it (after enrichment), for tests that read the log.</summary>
public sealed class CollectingLogSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}

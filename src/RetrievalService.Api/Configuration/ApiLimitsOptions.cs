using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Api.Configuration;

/// <summary>Request bounds and admission control: how much one request may send and how many run at once.</summary>
public sealed class ApiLimitsOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Api:Limits";

    /// <summary>Largest <c>/search</c> request body in bytes (the image plus multipart framing); default 42 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxSearchRequestBytes { get; set; } = 42 * 1024 * 1024;

    /// <summary>Largest <c>/index</c> request body in bytes; default 200 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxIndexRequestBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most files one <c>/index</c> request may carry.</summary>
    [Range(1, 10_000)]
    public int MaxIndexFiles { get; set; } = 64;

    /// <summary>Largest metadata filter or metadata document, in characters.</summary>
    [Range(2, 1_000_000)]
    public int MaxMetadataChars { get; set; } = 64 * 1024;

    /// <summary>Requests decoding or embedding at once (search and index together); 0 means 2 × processor count.</summary>
    [Range(0, 4096)]
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Requests waiting for a slot; beyond this the service answers 503 at once instead of queueing.</summary>
    [Range(0, 100_000)]
    public int MaxQueuedRequests { get; set; } = 32;

    /// <summary>
    /// Seconds a request body may take to arrive in full (408 after that). Kestrel's minimum data rate stops a trickle;
    /// this stops a client that sends just fast enough for ever. Bodies are read before a request takes an inference slot.
    /// </summary>
    [Range(1, 3600)]
    public int BodyDeadlineSeconds { get; set; } = 30;

    /// <summary>Seconds a client is told to wait (Retry-After) after a 503.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>The effective concurrency limit.</summary>
    public int EffectiveConcurrentRequests => MaxConcurrentRequests > 0 ? MaxConcurrentRequests : 2 * Environment.ProcessorCount;
}

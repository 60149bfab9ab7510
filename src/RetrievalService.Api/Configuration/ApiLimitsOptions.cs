using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Api.Configuration;

/// <summary>Request bounds and admission control: how much one request may send and how many run at once.</summary>
public sealed class ApiLimitsOptions : IValidatableObject
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

    /// <summary>
    /// Memory the process may use, in MiB (a container's limit less some headroom); 0 leaves memory unmanaged. When set,
    /// the inference slots are as many as fit in half of it after <see cref="BaselineMb"/> at <see cref="PerRequestPeakMb"/>
    /// each, and the rest bounds the request bodies held in memory at once (<see cref="BodyMemoryBytes"/>).
    /// </summary>
    [Range(0, 1_048_576)]
    public int MemoryBudgetMb { get; set; }

    /// <summary>Resident memory of the service with its default models loaded, around one search, in MiB (measured: docs/results/security).</summary>
    [Range(0, 1_048_576)]
    public int BaselineMb { get; set; } = 420;

    /// <summary>Memory one request adds while it decodes and embeds the costliest image the default limits admit, in MiB (measured).</summary>
    [Range(1, 1_048_576)]
    public int PerRequestPeakMb { get; set; } = 170;

    /// <summary>The concurrency limit: the configured or processor-derived one, lowered to what the memory budget allows.</summary>
    public int EffectiveConcurrentRequests
    {
        get
        {
            var configured = MaxConcurrentRequests > 0 ? MaxConcurrentRequests : 2 * Environment.ProcessorCount;
            return MemoryBudgetMb == 0 ? configured : Math.Clamp((MemoryBudgetMb - BaselineMb) / 2 / PerRequestPeakMb, 1, configured);
        }
    }

    /// <summary>Bytes of request bodies held in memory at once, across requests; 0 when memory is unmanaged.</summary>
    public long BodyMemoryBytes => MemoryBudgetMb == 0
        ? 0
        : (MemoryBudgetMb - BaselineMb - (long)EffectiveConcurrentRequests * PerRequestPeakMb) * 1024 * 1024;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MemoryBudgetMb > 0 && BodyMemoryBytes < Math.Max(MaxSearchRequestBytes, MaxIndexRequestBytes))
        {
            yield return new ValidationResult(
                $"Api:Limits:MemoryBudgetMb ({MemoryBudgetMb}) leaves {BodyMemoryBytes / 1048576} MiB for request bodies after the baseline " +
                $"({BaselineMb}) and {EffectiveConcurrentRequests} slot(s) of {PerRequestPeakMb} MiB, less than one largest request " +
                $"({Math.Max(MaxSearchRequestBytes, MaxIndexRequestBytes) / 1048576} MiB); raise the budget or lower MaxIndexRequestBytes.",
                [nameof(MemoryBudgetMb)]);
        }
    }
}

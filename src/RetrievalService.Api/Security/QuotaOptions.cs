using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Api.Security;

/// <summary>
/// Token buckets: each key has one per scope, each client address without a key one for all it may do anonymously.
/// A bucket holds <see cref="Bucket.Burst"/> requests and refills at <see cref="Bucket.PerMinute"/>.
/// </summary>
public sealed class QuotaOptions : IValidatableObject
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Api:Quotas";

    /// <summary>Per key, <c>/search</c> and the reads that go with it.</summary>
    public Bucket Search { get; set; } = new() { Burst = 60, PerMinute = 600 };

    /// <summary>Per key, <c>/index</c> requests (each up to <c>MaxIndexFiles</c> images).</summary>
    public Bucket Index { get; set; } = new() { Burst = 20, PerMinute = 120 };

    /// <summary>Per key, deletions and metrics.</summary>
    public Bucket Admin { get; set; } = new() { Burst = 60, PerMinute = 600 };

    /// <summary>Per client address, every request without a key (searches where allowed, and refused attempts).</summary>
    public Bucket Anonymous { get; set; } = new() { Burst = 10, PerMinute = 60 };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        new[] { (nameof(Search), Search), (nameof(Index), Index), (nameof(Admin), Admin), (nameof(Anonymous), Anonymous) }
            .Where(b => b.Item2.Burst < 1 || b.Item2.PerMinute < 1 || b.Item2.PerMinute > 600_000)
            .Select(b => new ValidationResult($"Api:Quotas:{b.Item1} needs Burst ≥ 1 and PerMinute in 1..600000.", [b.Item1]));

    /// <summary>One token bucket's size and refill rate.</summary>
    public sealed class Bucket
    {
        /// <summary>Requests that may come at once after a quiet spell.</summary>
        public int Burst { get; set; }

        /// <summary>Sustained requests per minute.</summary>
        public int PerMinute { get; set; }
    }
}

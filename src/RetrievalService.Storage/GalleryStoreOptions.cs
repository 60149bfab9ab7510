using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Storage;

/// <summary>Where the gallery lives and how its HNSW indexes are built and searched.</summary>
public sealed class GalleryStoreOptions : IValidatableObject
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "GalleryStore";

    /// <summary>Why a host refuses to start without <see cref="ConnectionString"/>, and where to get one.</summary>
    public const string MissingConnectionStringMessage =
        "GalleryStore:ConnectionString is not set: give the Npgsql connection string of a PostgreSQL server with pgvector " +
        "(environment variable GalleryStore__ConnectionString). In a source checkout, `scripts/db.sh start` starts a private " +
        "one and prints its connection string.";

    /// <summary>
    /// Npgsql connection string of a PostgreSQL server with pgvector ≥ 0.8 (see docs/database.md). Required: a host
    /// without one refuses to start rather than guess a server.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = MissingConnectionStringMessage)]
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Optional Npgsql connection string for reads (k-NN searches, image reads, listings, thumbnails, counts): usually
    /// several hosts, the primary's streaming standbys, e.g. <c>Host=a:5432,b:5432;Load Balance Hosts=true</c>. Its
    /// <c>Target Session Attributes</c> (default <c>prefer-standby</c>) chooses among them. Null or empty: every read
    /// goes to <see cref="ConnectionString"/>. Writes, migrations, keys and the live gallery always use <see cref="ConnectionString"/>.
    /// </summary>
    public string? ReadConnectionString { get; set; }

    /// <summary>
    /// Milliseconds a read that must see a given write (<see cref="Model.SearchRequest.After"/>) waits for a standby that
    /// has replayed it before it goes to the primary instead.
    /// </summary>
    [Range(0, 10_000)]
    public int ReplicaWaitMs { get; set; } = 200;

    /// <summary>Schema holding the catalog and the per-model tables; tests give each fixture its own.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$",
        ErrorMessage = "Schema must be a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters).")]
    public string Schema { get; set; } = "gallery";

    /// <summary>HNSW <c>m</c>: links per node. Higher raises recall, memory and build time.</summary>
    [Range(2, 100)]
    public int HnswM { get; set; } = 16;

    /// <summary>HNSW <c>ef_construction</c>: candidate list size while building; pgvector needs ≥ 2 × m.</summary>
    [Range(4, 1000)]
    public int HnswEfConstruction { get; set; } = 64;

    /// <summary>Least <c>hnsw.ef_search</c> per query; a query with a larger k uses k (pgvector caps it at 1000).</summary>
    [Range(1, 1000)]
    public int EfSearch { get; set; } = 100;

    /// <summary>pgvector 0.8 iterative index scans, so filtered queries keep scanning until they have k rows.</summary>
    public HnswIterativeScan IterativeScan { get; set; } = HnswIterativeScan.RelaxedOrder;

    /// <summary>Retries of connection opens and of idempotent reads on transient failures (never of writes).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay in milliseconds; each further retry doubles it (with jitter).</summary>
    [Range(1, 60_000)]
    public int RetryBaseDelayMs { get; set; } = 200;

    /// <summary>
    /// Milliseconds during which, after an operation found the database unreachable, others fail at once instead of
    /// retrying; the first call after that tries again. 0 turns it off.
    /// </summary>
    [Range(0, 60_000)]
    public int OutageCooldownMs { get; set; } = 1000;

    /// <summary>Apply schema migrations when the host starts, so a bad connection string fails at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HnswEfConstruction < 2 * HnswM)
        {
            yield return new ValidationResult(
                $"HnswEfConstruction ({HnswEfConstruction}) must be at least 2 × HnswM ({2 * HnswM}), as pgvector requires.",
                [nameof(HnswEfConstruction), nameof(HnswM)]);
        }
    }
}

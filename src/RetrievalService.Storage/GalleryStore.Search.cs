using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage;

public sealed partial class GalleryStore
{
    /// <summary>
    /// The k rows of the model's gallery nearest to the query by cosine similarity, best first, optionally only
    /// rows whose metadata contains <see cref="SearchRequest.Filter"/>. Returns exactly min(k, matching rows):
    /// the HNSW scan uses <c>ef_search ≥ k</c> and iterative scans, and when it still comes back short (a very
    /// selective filter) the query is repeated as an exact scan.
    /// </summary>
    /// <exception cref="Errors.UnknownModelException">The model is not registered.</exception>
    /// <exception cref="Errors.DimensionMismatchException">The query's length is not the model's dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">K or EfSearch is outside <see cref="SearchRequest.MinK"/>..<see cref="SearchRequest.MaxK"/>.</exception>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.K, SearchRequest.MinK, nameof(request.K));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.K, SearchRequest.MaxK, nameof(request.K));
        if (request.EfSearch is < SearchRequest.MinK or > SearchRequest.MaxK)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.EfSearch, $"EfSearch must be {SearchRequest.MinK}..{SearchRequest.MaxK}.");
        }
        var model = await ModelAsync(request.ModelId, cancellationToken);
        ItemValidation.Vector(model, request.Query.Span, null);
        var hits = await ReadAfterAsync(request.After, (c, ct) => QueryAsync(c, model, request, request.Exact, ct), cancellationToken);
        if (hits.Count < request.K && !request.Exact)
        {
            var exact = await ReadAfterAsync(request.After, (c, ct) => QueryAsync(c, model, request, exact: true, ct), cancellationToken);
            if (exact.Count > hits.Count)
            {
                StorageLog.SearchFellBackToExact(_logger, model.ModelId, hits.Count, request.K);
                hits = exact;
            }
        }
        return hits;
    }

    private async Task<List<SearchHit>> QueryAsync(
        NpgsqlConnection connection, GalleryModel model, SearchRequest request, bool exact, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, tx);
        // Transaction-local settings: pooled connections go back unchanged. enable_seqscan off: pgvector's cost
        // model grows with ef_search, so at high ef_search the planner picks an exact scan far slower than the HNSW
        // scan (docs/platform.md#observations-behind-code-comments); an approximate query is asked for speed.
        var settings = new NpgsqlBatchCommand(exact
            ? "SELECT set_config('enable_indexscan', 'off', true)"
            : """
              SELECT set_config('hnsw.ef_search', @ef_search, true), set_config('hnsw.iterative_scan', @iterative_scan, true),
                     set_config('enable_seqscan', 'off', true)
              """);
        if (!exact)
        {
            var efSearch = Math.Max(request.K, request.EfSearch ?? _options.EfSearch);
            settings.Parameters.AddWithValue("ef_search", efSearch.ToString(CultureInfo.InvariantCulture));
            settings.Parameters.AddWithValue("iterative_scan", IterativeScanSetting(_options.IterativeScan));
        }
        batch.BatchCommands.Add(settings);
        // The CTE keeps the index's ORDER BY … LIMIT shape; the outer sort restores exact order after a
        // relaxed iterative scan (pgvector README, "Iterative Index Scans").
        var query = new NpgsqlBatchCommand($"""
            WITH nearest AS MATERIALIZED (
                SELECT id, content_sha256, source, metadata, embedding <=> @query AS distance{(request.IncludeEmbeddings ? ", embedding" : "")}
                FROM {SqlNames.ItemsTable(model.Key)}
                {(request.Filter is null ? "" : "WHERE metadata @> @filter")}
                ORDER BY embedding <=> @query
                LIMIT @k)
            SELECT id, content_sha256, source, metadata::text, distance{(request.IncludeEmbeddings ? ", embedding" : "")} FROM nearest ORDER BY distance, id
            """);
        query.Parameters.AddWithValue("query", EmbeddingValues.ToDbValue(model.Kind, request.Query));
        query.Parameters.AddWithValue("k", request.K);
        if (request.Filter is not null)
        {
            query.Parameters.AddWithValue("filter", NpgsqlDbType.Jsonb, JsonMetadata.ToJson(request.Filter));
        }
        batch.BatchCommands.Add(query);
        var hits = new List<SearchHit>(request.K);
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new SearchHit(reader.GetString(0), 1 - reader.GetDouble(4), reader.GetString(1),
                    reader.GetString(2), JsonMetadata.Parse(reader.GetString(3)))
                {
                    Embedding = request.IncludeEmbeddings ? EmbeddingValues.FromDbValue(reader.GetValue(5)) : null,
                });
            }
        }
        await tx.CommitAsync(ct);
        return hits;
    }

    private static string IterativeScanSetting(HnswIterativeScan scan) => scan switch
    {
        HnswIterativeScan.RelaxedOrder => "relaxed_order",
        HnswIterativeScan.StrictOrder => "strict_order",
        _ => "off",
    };
}

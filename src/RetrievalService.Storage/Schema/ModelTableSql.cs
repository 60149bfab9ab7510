using RetrievalService.Storage.Database;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage.Schema;

/// <summary>
/// DDL of one model's item table. Each model has its own table, typed <c>vector(D)</c> or <c>halfvec(D)</c>, so
/// vectors of different teachers can never be compared or mixed. Only integers (key, dimension, HNSW
/// parameters) and fixed type names are spliced into the text.
/// </summary>
internal static class ModelTableSql
{
    public static string CreateTable(GalleryModel model) => $$"""
        CREATE TABLE IF NOT EXISTS {{SqlNames.ItemsTable(model.Key)}} (
            id text PRIMARY KEY,
            model_id text NOT NULL,
            content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
            source text NOT NULL,
            metadata jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
            embedding {{EmbeddingValues.TypeName(model.Kind)}}({{model.Dimension}}) NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now(),
            thumbnail bytea
        );
        CREATE INDEX IF NOT EXISTS {{SqlNames.ItemsTable(model.Key)}}_metadata
            ON {{SqlNames.ItemsTable(model.Key)}} USING gin (metadata jsonb_path_ops);
        CREATE INDEX IF NOT EXISTS {{SqlNames.ItemsTable(model.Key)}}_id_bytes
            ON {{SqlNames.ItemsTable(model.Key)}} (id COLLATE "C");
        """;

    /// <summary>
    /// Cosine distance: embeddings are L2-normalised, where it ranks like inner product, and it stays correct
    /// for the small norm errors of half precision.
    /// </summary>
    public static string CreateHnswIndex(GalleryModel model, string indexName, int m, int efConstruction, bool concurrently) => $"""
        CREATE INDEX {(concurrently ? "CONCURRENTLY " : "")}IF NOT EXISTS {indexName}
            ON {SqlNames.ItemsTable(model.Key)} USING hnsw (embedding {EmbeddingValues.TypeName(model.Kind)}_cosine_ops)
            WITH (m = {m}, ef_construction = {efConstruction})
        """;
}

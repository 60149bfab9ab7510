namespace RetrievalService.Storage.Schema;

/// <summary>
/// All migrations, oldest first. Append only. Per-model item tables are created by
/// <see cref="ModelTableSql"/> when a model registers; a migration that changes them must loop over
/// <c>models</c> (e.g. in a <c>DO</c> block) so existing models' tables follow.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "models catalog", """
            CREATE TABLE models (
                model_key int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                model_id text NOT NULL UNIQUE,
                dimension int NOT NULL CHECK (dimension BETWEEN 1 AND 4000),
                vector_type text NOT NULL CHECK (vector_type IN ('vector', 'halfvec')),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """),
        // Which image pipeline made a model's vectors (ImagePipeline.Identity); NULL for galleries indexed before it was recorded.
        new(2, "models preprocessing", "ALTER TABLE models ADD COLUMN preprocessing text;"),
        // API keys: only the SHA-256 of each secret is kept, so a copy of the database lets nobody call the API.
        new(3, "api keys", """
            CREATE TABLE api_keys (
                key_id text PRIMARY KEY,
                name text NOT NULL,
                secret_sha256 bytea NOT NULL CHECK (length(secret_sha256) = 32),
                scopes text[] NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                revoked_at timestamptz
            );
            """),
        // Which teacher's gallery answers searches. One row; switched atomically once another gallery is complete, and a
        // gallery that is live cannot be dropped (the foreign key).
        new(4, "live gallery", """
            CREATE TABLE live_gallery (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                model_id text NOT NULL REFERENCES models (model_id),
                previous_model_id text,
                switched_at timestamptz NOT NULL DEFAULT now()
            );
            """),
        // A small JPEG of each image for pages that show the gallery (NULL until indexed with one), and an index in byte
        // order for paging through a gallery (ORDER BY id COLLATE "C"), whatever the database's collation is.
        new(5, "items thumbnails", """
            DO $$
            DECLARE
                model record;
            BEGIN
                FOR model IN SELECT model_key FROM models LOOP
                    EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS thumbnail bytea', 'items_' || model.model_key);
                    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (id COLLATE "C")',
                        'items_' || model.model_key || '_id_bytes', 'items_' || model.model_key);
                END LOOP;
            END
            $$;
            """),
    ];

    public static int Latest => All[^1].Version;
}

using Npgsql;

namespace RetrievalService.Storage.Database;

/// <summary>Builds the store's <see cref="NpgsqlDataSource"/>: pgvector types, and the gallery schema first on the search path.</summary>
internal static class GalleryDataSource
{
    public static NpgsqlDataSource Create(GalleryStoreOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        // Unqualified names resolve in the configured schema, so one build serves any schema (tests use their own)
        // without putting identifiers into SQL text; the rest of the caller's path still finds the vector type.
        var rest = string.IsNullOrWhiteSpace(builder.ConnectionStringBuilder.SearchPath)
            ? "public"
            : builder.ConnectionStringBuilder.SearchPath;
        builder.ConnectionStringBuilder.SearchPath = $"{SqlNames.Quote(options.Schema)}, {rest}";
        builder.ConnectionStringBuilder.ApplicationName ??= "retrieval-gallery";
        builder.UseVector();
        return builder.Build();
    }

    /// <summary>Host, port and database for messages; never the password.</summary>
    public static string Endpoint(NpgsqlDataSource dataSource)
    {
        var cs = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"{cs.Host}:{cs.Port}/{cs.Database}";
    }
}

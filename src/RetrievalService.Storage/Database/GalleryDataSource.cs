using Npgsql;

namespace RetrievalService.Storage.Database;

/// <summary>Builds the store's <see cref="NpgsqlDataSource"/>s: pgvector types, and the gallery schema first on the search path.</summary>
internal static class GalleryDataSource
{
    /// <summary>The primary's data source, from <see cref="GalleryStoreOptions.ConnectionString"/>.</summary>
    public static NpgsqlDataSource Create(GalleryStoreOptions options) => Configure(options.ConnectionString, options).Build();

    /// <summary>
    /// The read side, from <see cref="GalleryStoreOptions.ReadConnectionString"/>: one multi-host data source (the owner of
    /// the pools, to dispose) and the view of it that hands out connections of the string's target session attributes,
    /// prefer-standby when it names none.
    /// </summary>
    public static (NpgsqlMultiHostDataSource Owner, NpgsqlDataSource Reads) CreateRead(GalleryStoreOptions options)
    {
        var builder = Configure(options.ReadConnectionString!, options);
        // A multi-host data source refuses target session attributes in its connection string; they choose its view instead.
        var target = builder.ConnectionStringBuilder.TargetSessionAttributes;
        builder.ConnectionStringBuilder.TargetSessionAttributes = null;
        var owner = builder.BuildMultiHost();
        return (owner, owner.WithTargetSession(ParseTarget(target)));
    }

    /// <summary>Host, port and database for messages; never the password.</summary>
    public static string Endpoint(NpgsqlDataSource dataSource)
    {
        var cs = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        // Several hosts carry their own ports.
        return cs.Host?.Contains(',', StringComparison.Ordinal) == true ? $"{cs.Host}/{cs.Database}" : $"{cs.Host}:{cs.Port}/{cs.Database}";
    }

    private static NpgsqlDataSourceBuilder Configure(string connectionString, GalleryStoreOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Unqualified names resolve in the configured schema, so one build serves any schema (tests use their own)
        // without putting identifiers into SQL text; the rest of the caller's path still finds the vector type.
        var rest = string.IsNullOrWhiteSpace(builder.ConnectionStringBuilder.SearchPath)
            ? "public"
            : builder.ConnectionStringBuilder.SearchPath;
        builder.ConnectionStringBuilder.SearchPath = $"{SqlNames.Quote(options.Schema)}, {rest}";
        builder.ConnectionStringBuilder.ApplicationName ??= "retrieval-gallery";
        builder.UseVector();
        return builder;
    }

    private static TargetSessionAttributes ParseTarget(string? value) => value?.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        null or "" or "preferstandby" => TargetSessionAttributes.PreferStandby,
        "standby" => TargetSessionAttributes.Standby,
        "any" => TargetSessionAttributes.Any,
        "readonly" => TargetSessionAttributes.ReadOnly,
        "primary" => TargetSessionAttributes.Primary,
        "preferprimary" => TargetSessionAttributes.PreferPrimary,
        "readwrite" => TargetSessionAttributes.ReadWrite,
        _ => throw new ArgumentException(
            $"GalleryStore:ReadConnectionString has Target Session Attributes '{value}'; use prefer-standby, standby, any, read-only, primary, prefer-primary or read-write."),
    };
}

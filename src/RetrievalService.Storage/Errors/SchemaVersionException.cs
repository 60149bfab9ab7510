namespace RetrievalService.Storage.Errors;

/// <summary>The database's schema is newer than this build knows: running against it could corrupt data.</summary>
public sealed class SchemaVersionException : GalleryStoreException
{
    /// <summary>Creates the error for a schema at <paramref name="databaseVersion"/>.</summary>
    public SchemaVersionException(string schema, int databaseVersion, int knownVersion)
        : base($"Schema '{schema}' is at migration {databaseVersion}, but this build knows only up to {knownVersion}. " +
               "Upgrade the application, or point it at another schema.")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    /// <summary>Highest migration applied in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>Highest migration this build contains.</summary>
    public int KnownVersion { get; }
}

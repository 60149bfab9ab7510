namespace RetrievalService.Storage.Schema;

/// <summary>
/// One schema change, applied once per schema in version order and recorded in <c>schema_migrations</c>.
/// The SQL runs with the gallery schema first on the search path, so it names no schema.
/// </summary>
/// <param name="Version">Strictly increasing, never reused or edited once released.</param>
/// <param name="Name">Short description, stored with the version.</param>
/// <param name="Sql">Statements run inside the migration transaction.</param>
internal sealed record Migration(int Version, string Name, string Sql);

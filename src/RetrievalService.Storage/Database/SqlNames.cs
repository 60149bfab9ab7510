using System.Text.RegularExpressions;

namespace RetrievalService.Storage.Database;

/// <summary>
/// The only identifiers that go into SQL text: the schema (validated by <see cref="GalleryStoreOptions.Schema"/>'s
/// pattern) and per-model table names built from an integer key. Values always travel as parameters.
/// </summary>
internal static partial class SqlNames
{
    public static string Quote(string identifier)
    {
        if (!Identifier().IsMatch(identifier))
        {
            throw new ArgumentException($"'{identifier}' is not a lower-case SQL identifier.", nameof(identifier));
        }
        return $"\"{identifier}\"";
    }

    public static string ItemsTable(int modelKey) => $"items_{modelKey}";

    public static string HnswIndex(int modelKey) => $"items_{modelKey}_hnsw";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}

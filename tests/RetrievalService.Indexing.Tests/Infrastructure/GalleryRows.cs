using Npgsql;

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>What a schema's gallery table holds, read with plain SQL so duplicates could not hide behind the store's API.</summary>
public sealed record GalleryRow(string Id, string ContentSha256, string Source, string Metadata, float[] Embedding);

public static class GalleryRows
{
    public const string TeacherId = "teacher-resnet18-gem";

    /// <summary>All rows of the teacher's table in <paramref name="schema"/>, by id; empty when nothing was registered or the indexer never got to create the schema.</summary>
    public static async Task<IReadOnlyList<GalleryRow>> ReadAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var created = new NpgsqlCommand($"SELECT to_regclass('\"{schema}\".models') IS NOT NULL", connection);
        if (await created.ExecuteScalarAsync() is not true)
        {
            return [];
        }
        await using var find = new NpgsqlCommand($"SELECT model_key FROM \"{schema}\".models WHERE model_id = @m", connection);
        find.Parameters.AddWithValue("m", TeacherId);
        if (await find.ExecuteScalarAsync() is not int key)
        {
            return [];
        }
        await using var select = new NpgsqlCommand(
            $"SELECT id, content_sha256, source, metadata::text, embedding::text FROM \"{schema}\".items_{key} ORDER BY id", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<GalleryRow>();
        while (await reader.ReadAsync())
        {
            var vector = reader.GetString(4).Trim('[', ']').Split(',')
                .Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            rows.Add(new GalleryRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), vector));
        }
        return rows;
    }

    /// <summary>Asserts both galleries hold the same ids, hashes and (to float rounding) embeddings, once each.</summary>
    public static void AssertSame(IReadOnlyList<GalleryRow> expected, IReadOnlyList<GalleryRow> actual)
    {
        Assert.Equal(expected.Select(r => r.Id), actual.Select(r => r.Id));
        Assert.Equal(actual.Count, actual.Select(r => r.Id).Distinct().Count());
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.ContentSha256, a.ContentSha256);
            var cosine = e.Embedding.Zip(a.Embedding).Sum(p => (double)p.First * p.Second);
            Assert.True(cosine > 0.9999, $"{e.Id}: embeddings differ (cosine {cosine})");
        }
    }
}

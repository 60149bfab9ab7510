using System.Text.Json;

namespace RetrievalService.ScaleBench;

/// <summary>The real query vectors, handed from <c>load</c> to <c>latency</c> as a JSON array of arrays.</summary>
internal static class QueryFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<float[]> queries)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, queries);
    }

    public static async Task<float[][]> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<float[][]>(stream)
            ?? throw new InvalidDataException($"{path} holds no query vectors.");
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage.Tests.Infrastructure;

/// <summary>Builds gallery items for tests.</summary>
public static class TestItems
{
    public static string Sha256(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static GalleryItem Item(string id, float[] embedding, JsonObject? metadata = null, string content = "") =>
        new(id, Sha256(id + content), $"/photos/{id}.jpg", metadata, embedding);

    public static List<GalleryItem> FromVectors(float[][] vectors, string prefix, Func<int, JsonObject?>? metadata = null) =>
        vectors.Select((v, i) => Item($"{prefix}{i:D5}", v, metadata?.Invoke(i))).ToList();

    public static float[] Unit(int dimension, int hot)
    {
        var v = new float[dimension];
        v[hot] = 1;
        return v;
    }
}

using System.Security.Cryptography;

namespace RetrievalService.Indexing.Stages;

/// <summary>The content hash stored with every row; a rerun compares it to skip unchanged images.</summary>
internal static class ContentHash
{
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

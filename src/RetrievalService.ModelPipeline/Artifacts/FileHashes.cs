using System.Security.Cryptography;

namespace RetrievalService.ModelPipeline.Artifacts;

public static class FileHashes
{
    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Throws when a downloaded or rebuilt file is not the one a manifest or source pins.</summary>
    public static void Require(string path, string expectedSha256)
    {
        var actual = Sha256(path);
        if (actual != expectedSha256)
        {
            throw new InvalidDataException($"'{path}' has SHA-256 {actual}, expected {expectedSha256}.");
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace RetrievalService.Storage.Keys;

/// <summary>
/// The key a client sends: <c>rsk_&lt;id&gt;_&lt;secret&gt;</c>. The id (12 hex digits) names the key in lists, logs and
/// revocations; the secret (32 random bytes, base64url) is shown once and only its SHA-256 is stored. A fast hash is
/// enough here: the secret has 256 bits of entropy, so there is nothing to guess that a slow hash would protect.
/// </summary>
public sealed class ApiKeySecret
{
    private const string Prefix = "rsk_";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;

    private ApiKeySecret(string id, byte[] secretSha256, string token)
    {
        Id = id;
        SecretSha256 = secretSha256;
        Token = token;
    }

    /// <summary>The key's public id.</summary>
    public string Id { get; }

    /// <summary>SHA-256 of the secret part, what the database keeps.</summary>
    public byte[] SecretSha256 { get; }

    /// <summary>The whole key as the client sends it; never log it.</summary>
    public string Token { get; }

    /// <summary>A new random key.</summary>
    public static ApiKeySecret Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return new ApiKeySecret(id, Hash(secret), $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a presented key into id and secret hash; false when it does not have the key's shape.</summary>
    public static bool TryParse(string? token, [NotNullWhen(true)] out ApiKeySecret? key)
    {
        key = null;
        if (token is null || token.Length != Prefix.Length + 2 * IdBytes + 1 + 43 || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var id = token.Substring(Prefix.Length, 2 * IdBytes);
        var separator = token[Prefix.Length + 2 * IdBytes];
        var secret = token[(Prefix.Length + 2 * IdBytes + 1)..];
        if (separator != '_' || !id.All(char.IsAsciiHexDigitLower) || !secret.All(IsBase64UrlChar))
        {
            return false;
        }
        key = new ApiKeySecret(id, Hash(secret), token);
        return true;
    }

    /// <summary>Whether <paramref name="storedSha256"/> is this secret's hash, in constant time.</summary>
    public bool Matches(byte[] storedSha256) => CryptographicOperations.FixedTimeEquals(SecretSha256, storedSha256);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}

using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Api.Security;

/// <summary>
/// Key checks remembered for <see cref="ApiAuthOptions.KeyCacheSeconds"/>, by the presented key's hash, misses included,
/// so neither a busy client nor one replaying a bad key costs a database query per request. Bounded in entries.
/// </summary>
public sealed class ApiKeyCache(ApiKeyStore keys, IOptions<ApiAuthOptions> options) : IDisposable
{
    private const int MaxEntries = 10_000;
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);

    /// <summary>The stored key whose secret matches, revoked or not; null when there is none.</summary>
    public async Task<ApiKey?> FindAsync(ApiKeySecret presented, CancellationToken cancellationToken)
    {
        if (lifetime == TimeSpan.Zero)
        {
            return await keys.FindAsync(presented, cancellationToken);
        }
        var entry = presented.Id + Convert.ToHexString(presented.SecretSha256);
        if (cache.TryGetValue(entry, out ApiKey? known))
        {
            return known;
        }
        var found = await keys.FindAsync(presented, cancellationToken);
        cache.Set(entry, found, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });
        return found;
    }

    public void Dispose() => cache.Dispose();
}

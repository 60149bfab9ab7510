using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Api.Security;

/// <summary>Who may call the API without a key, and how long a checked key is trusted before it is looked up again.</summary>
public sealed class ApiAuthOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Api:Auth";

    /// <summary>
    /// Lets clients without a key search (and read images and models), under the per-address quota. Off by default:
    /// a public demo turns it on; indexing, deleting and metrics always need a key.
    /// </summary>
    public bool AllowAnonymousSearch { get; set; }

    /// <summary>
    /// Seconds a key check (found, unknown or revoked) is remembered, so a busy client costs no database query per
    /// request. A revocation therefore takes effect within this delay; 0 checks the database every time.
    /// </summary>
    [Range(0, 3600)]
    public int KeyCacheSeconds { get; set; } = 10;
}

using System.ComponentModel.DataAnnotations;

namespace RetrievalService.Api.Configuration;

/// <summary>How often an instance looks at which gallery is live, and at how far a gallery being rebuilt has come.</summary>
public sealed class GalleriesOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Api:Galleries";

    /// <summary>
    /// Milliseconds between reads of the live gallery: how long another instance may go on answering from the previous
    /// gallery after a switch made elsewhere (the instance that switches follows at once).
    /// </summary>
    [Range(50, 600_000)]
    public int LiveRefreshMs { get; set; } = 2000;

    /// <summary>
    /// Milliseconds between measurements of the galleries' sizes and of the rebuilt gallery against the live one (for
    /// <c>GET /models</c> and the metrics); the comparison reads both tables, so large galleries want a longer interval.
    /// </summary>
    [Range(50, 3_600_000)]
    public int ProgressRefreshMs { get; set; } = 15_000;
}

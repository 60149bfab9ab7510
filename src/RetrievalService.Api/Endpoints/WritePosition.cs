using RetrievalService.Storage;
using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// Read-your-writes: a write's answer carries the primary's log position after it (header <see cref="Header"/>), which
/// the client passes to <c>POST /search</c> as <c>after</c> so the search runs where the write is visible.
/// </summary>
public sealed class WritePosition(GalleryStore store, ILogger<WritePosition> logger)
{
    /// <summary>The response header that carries the position.</summary>
    public const string Header = "X-Gallery-Position";

    /// <summary>
    /// Reads the position once the request's writes have returned and sets the header; null, and no header, when the
    /// primary could not be asked: the writes stand, and the client can search without <c>after</c> or write again (idempotent).
    /// </summary>
    public async Task<GalleryPosition?> StampAsync(HttpResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var position = await store.GetWritePositionAsync(ct);
            response.Headers[Header] = position.ToString();
            return position;
        }
        catch (GalleryUnavailableException e)
        {
            Telemetry.ApiLog.WritePositionUnavailable(logger, e.Message);
            return null;
        }
    }
}

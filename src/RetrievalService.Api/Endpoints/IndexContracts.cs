using RetrievalService.Indexing;

namespace RetrievalService.Api.Endpoints;

/// <summary>The answer of <c>POST /index</c>: one entry per uploaded file, in upload order.</summary>
/// <param name="TeacherId">The teacher that embedded the stored images.</param>
/// <param name="Stored">Files embedded and written (new ids or changed content).</param>
/// <param name="Unchanged">Files whose id already holds the same content; nothing was done.</param>
/// <param name="Rejected">Files refused; each entry says why.</param>
/// <param name="Items">Per-file outcome.</param>
/// <param name="Position">
/// The gallery's log position after these writes (also the <c>X-Gallery-Position</c> header): pass it to <c>POST /search</c>
/// as <c>after</c> to search where they are visible. Null when the database could not be asked for it.
/// </param>
public sealed record IndexResponse(string TeacherId, int Stored, int Unchanged, int Rejected, IReadOnlyList<IndexedItem> Items, string? Position);

/// <summary>What happened to one uploaded file.</summary>
/// <param name="Id">Its gallery id.</param>
/// <param name="Status">Stored, unchanged or rejected.</param>
/// <param name="Code">For a rejected file, a stable code (e.g. <c>Corrupt</c>, <c>InvalidId</c>); null otherwise.</param>
/// <param name="Reason">For a rejected file, what is wrong and how to fix it.</param>
public sealed record IndexedItem(string Id, IndexItemStatus Status, string? Code, string? Reason);

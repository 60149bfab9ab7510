using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Reporting;

/// <summary>One file's line of the report.</summary>
/// <param name="Id">Gallery id.</param>
/// <param name="Source">The file's path on this machine (or <c>manifest:line</c> for a bad manifest line).</param>
/// <param name="Status">stored, unchanged or rejected.</param>
/// <param name="Code">Rejection code (<see cref="IndexItemResult.Code"/>), else null.</param>
/// <param name="Reason">Rejection reason, else null.</param>
internal sealed record ReportEntry(string Id, string Source, IndexItemStatus Status, string? Code, string? Reason);

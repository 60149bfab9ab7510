using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Sources;

/// <summary>
/// A manifest line that names no usable file, or a folder whose files are left out; reported as rejected like a bad
/// image, never fatal, so that no input goes missing without a word.
/// </summary>
/// <param name="Id">The line's id when it has one, else <c>line N</c>; for a folder, the id its path would give.</param>
/// <param name="Source">Where it is: <c>manifest.csv:N</c>, or the folder's path.</param>
/// <param name="Reason">What is wrong with the line or the folder.</param>
/// <param name="Code">The <see cref="IndexItemResult.Code"/> it is reported with.</param>
internal sealed record SourceProblem(string Id, string Source, string Reason, string Code = SourceProblem.InvalidManifestLine)
{
    /// <summary>A manifest line that names no usable file.</summary>
    public const string InvalidManifestLine = nameof(InvalidManifestLine);

    /// <summary>A symbolic link to a folder, which is not followed.</summary>
    public const string LinkedFolder = nameof(LinkedFolder);

    public IndexItemResult ToResult() => new(Id, IndexItemStatus.Rejected, Reason) { Code = Code };
}

/// <summary>What a folder or manifest yields: the files to index and the lines that could not become one.</summary>
internal sealed record SourceList(IReadOnlyList<IndexItem> Items, IReadOnlyList<SourceProblem> Problems)
{
    /// <summary>
    /// The files and bad lines of <paramref name="shard"/>, by id (a line without one by its <c>line N</c>). Only ids are
    /// looked at, so no other shard's file is ever opened; a repeated id stays with its first occurrence.
    /// </summary>
    public SourceList InShard(InputShard shard) =>
        new([.. Items.Where(i => shard.Contains(i.Id))], [.. Problems.Where(p => shard.Contains(p.Id))]);
}

using System.Threading.Channels;
using RetrievalService.Embedding.Images;
using RetrievalService.Indexing.Stages;

namespace RetrievalService.Indexing.Pipeline;

public sealed partial class IndexingPipeline
{
    // Ids looked up per query when skipping unchanged files; large enough to amortise the round trip.
    private const int LookupGroupSize = 256;

    private async Task ReadAsync(IEnumerable<IndexFile> files, ChannelWriter<(IndexFile, CheckedItem)> output, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var group = new List<(IndexFile File, CheckedItem Item)>();
        long groupBytes = 0;
        var index = 0;
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            if (ItemChecks.Check(file.Id, file.Source, file.Metadata, out var metadata) is { } invalid)
            {
                Report(file, invalid);
                continue;
            }
            if (!seen.Add(file.Id))
            {
                Report(file, ItemChecks.Duplicate(file.Id));
                continue;
            }
            var (content, unreadable) = await ReadFileAsync(file, ct);
            if (unreadable is not null)
            {
                Report(file, unreadable);
                continue;
            }
            group.Add((file, new CheckedItem(index++, file.Id, file.Source, metadata, content, ContentHash.Sha256Hex(content))));
            groupBytes += content.Length;
            if (group.Count >= LookupGroupSize || groupBytes >= settings.ReadAheadBytes / 2)
            {
                await FlushAsync(group, output, ct);
                groupBytes = 0;
            }
        }
        await FlushAsync(group, output, ct);
    }

    private async Task FlushAsync(List<(IndexFile File, CheckedItem Item)> group, ChannelWriter<(IndexFile, CheckedItem)> output, CancellationToken ct)
    {
        if (group.Count == 0)
        {
            return;
        }
        var files = group.ToDictionary(g => g.Item.Index, g => g.File);
        var items = group.Select(g => g.Item).ToList();
        group.Clear();
        var todo = settings.Force ? items : await indexer.SkipUnchangedAsync(items, r => Report(files[r.Index], r.Result), ct);
        foreach (var item in todo)
        {
            await output.WriteAsync((files[item.Index], item), ct);
        }
    }

    private async Task<(byte[] Content, IndexItemResult? Rejected)> ReadFileAsync(IndexFile file, CancellationToken ct)
    {
        try
        {
            // Refuse oversized files before reading them, with the decoder's own reason.
            var length = new FileInfo(file.Path).Length;
            var limit = indexer.Preparer.Limits.MaxBytes;
            if (length > limit)
            {
                return ([], IndexItemResult.Rejected(file.Id, nameof(ImageRejectionReason.TooManyBytes),
                    $"The file is {length} bytes; the limit is {limit} bytes (Embedding:ImageLimits:MaxBytes)."));
            }
            return (await File.ReadAllBytesAsync(file.Path, ct), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], IndexItemResult.Rejected(file.Id, RejectionCodes.Unreadable, $"The file cannot be read: {e.Message}"));
        }
    }
}

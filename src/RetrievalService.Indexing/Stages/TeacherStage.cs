using RetrievalService.Embedding.Inference;

namespace RetrievalService.Indexing.Stages;

/// <summary>Runs the teacher over prepared items and returns their pooled tensors.</summary>
internal static class TeacherStage
{
    /// <summary>Embeds <paramref name="items"/> in runs of at most <paramref name="batchSize"/>; disposes every tensor.</summary>
    public static List<EmbeddedItem> Embed(OnnxEmbedder teacher, IReadOnlyList<PreparedItem> items, int batchSize)
    {
        try
        {
            // Equal-sized tensors share one ORT run, so order by size before cutting the batches.
            var ordered = items.OrderBy(p => p.Tensor.Width).ThenBy(p => p.Tensor.Height).ToList();
            var embedded = new List<EmbeddedItem>(items.Count);
            foreach (var chunk in ordered.Chunk(batchSize))
            {
                var vectors = teacher.EmbedBatch(chunk.Select(p => p.Tensor).ToArray());
                embedded.AddRange(chunk.Select((p, i) => new EmbeddedItem(p.Item, vectors[i], p.Thumbnail)));
            }
            return embedded;
        }
        finally
        {
            foreach (var item in items)
            {
                item.Tensor.Dispose();
            }
        }
    }
}

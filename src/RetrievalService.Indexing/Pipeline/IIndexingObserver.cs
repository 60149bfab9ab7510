namespace RetrievalService.Indexing.Pipeline;

/// <summary>Receives results as the pipeline produces them; called from several threads, one call at a time.</summary>
public interface IIndexingObserver
{
    /// <summary>
    /// One item's outcome; <paramref name="position"/> is its place in the input, from 0. <see cref="IndexItemStatus.Stored"/>
    /// is reported only after its batch committed, so whatever was reported stored survives the process being killed.
    /// </summary>
    void OnResult(int position, IndexItem item, IndexItemResult result);

    /// <summary>A write batch of <paramref name="rows"/> rows committed (after its results were reported).</summary>
    void OnBatchCommitted(int rows);
}

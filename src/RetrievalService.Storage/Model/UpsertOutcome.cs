namespace RetrievalService.Storage.Model;

/// <summary>What an upsert did to one item.</summary>
public enum UpsertOutcome
{
    /// <summary>The id was new and is now stored.</summary>
    Inserted,

    /// <summary>The id existed with different content, source, metadata or embedding, and was replaced.</summary>
    Updated,

    /// <summary>The id existed with identical values; nothing was written (its <c>updated_at</c> is kept).</summary>
    Unchanged,
}

/// <summary>Outcome of one item of a bulk upsert.</summary>
public readonly record struct UpsertResult(string Id, UpsertOutcome Outcome)
{
    /// <summary>True when the row was written (inserted or updated).</summary>
    public bool Stored => Outcome != UpsertOutcome.Unchanged;
}

/// <summary>Outcomes of a bulk upsert, in the order the items were given. All of them committed together.</summary>
public sealed record UpsertBatchResult(IReadOnlyList<UpsertResult> Items)
{
    /// <summary>Items that were new.</summary>
    public int Inserted => Items.Count(i => i.Outcome == UpsertOutcome.Inserted);

    /// <summary>Items that replaced a different stored row.</summary>
    public int Updated => Items.Count(i => i.Outcome == UpsertOutcome.Updated);

    /// <summary>Items identical to what was stored.</summary>
    public int Unchanged => Items.Count(i => i.Outcome == UpsertOutcome.Unchanged);
}

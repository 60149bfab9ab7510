namespace RetrievalService.Evaluation.Datasets;

/// <summary>
/// A retrieval benchmark as read from disk: gallery list, query list and one ground-truth entry per query.
/// Reading checks structure only; <see cref="DatasetValidator"/> checks indices, files and positives.
/// </summary>
public sealed record RetrievalDataset
{
    /// <summary>Short name: the folder name (native) or the pickle's name without <c>gnd_</c> (revisitop).</summary>
    public required string Name { get; init; }

    /// <summary>Absolute folder that image entries are resolved against.</summary>
    public required string Root { get; init; }

    /// <summary>Absolute path of the ground-truth file that was read.</summary>
    public required string GroundTruthFile { get; init; }

    public required DatasetLayout Layout { get; init; }

    /// <summary>Gallery entries (<c>imlist</c>) as written in the file.</summary>
    public required IReadOnlyList<string> Images { get; init; }

    /// <summary>Query entries (<c>qimlist</c>) as written in the file.</summary>
    public required IReadOnlyList<string> Queries { get; init; }

    /// <summary>Ground truth (<c>gnd</c>), in query order.</summary>
    public required IReadOnlyList<QueryGroundTruth> GroundTruth { get; init; }

    /// <summary>Absolute path of gallery image <paramref name="index"/>.</summary>
    public string ImagePath(int index) => Resolve(Images[index]);

    /// <summary>Absolute path of query image <paramref name="index"/>.</summary>
    public string QueryPath(int index) => Resolve(Queries[index]);

    private string Resolve(string entry) => Layout switch
    {
        DatasetLayout.Revisitop => Path.Combine(Root, "jpg", entry + ".jpg"),
        _ => Path.GetFullPath(Path.Combine(Root, entry)),
    };
}

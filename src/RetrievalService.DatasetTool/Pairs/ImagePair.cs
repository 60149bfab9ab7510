namespace RetrievalService.DatasetTool.Pairs;

/// <summary>
/// A real pair of photos of one scene from the pool: <paramref name="Query"/> is the query, <paramref name="Positive"/>
/// its only positive (easy). <paramref name="Related"/> matches other pool files of the same scene (same folder),
/// which become junk for this query: they show the scene but are not the pair.
/// </summary>
/// <param name="Name">Short id, used for the query's file name.</param>
/// <param name="Folder">Pool key of the folder holding the files (<c>package/path</c>).</param>
/// <param name="Query">File name of the query image.</param>
/// <param name="Positive">File name of its partner.</param>
/// <param name="Change">What differs between the two images, for the docs.</param>
/// <param name="Related">Regular expression over file names in <paramref name="Folder"/>; null when none.</param>
public sealed record ImagePair(string Name, string Folder, string Query, string Positive, string Change, string? Related = null)
{
    /// <summary>Pool key of the query image.</summary>
    public string QueryKey => $"{Folder}/{Query}";

    /// <summary>Pool key of the positive image.</summary>
    public string PositiveKey => $"{Folder}/{Positive}";
}

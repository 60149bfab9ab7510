namespace RetrievalService.Evaluation.Datasets;

/// <summary>Opens a dataset in either layout from a folder or a pickle path.</summary>
public static class DatasetReader
{
    /// <summary>
    /// <paramref name="path"/> is a native folder (holding <c>gnd.json</c>), a revisitop <c>gnd_*.pkl</c>, or a
    /// folder holding exactly one <c>gnd_*.pkl</c> (the revisitop download as unpacked).
    /// </summary>
    /// <exception cref="DatasetFormatException">Nothing readable is there, or the file is malformed.</exception>
    public static RetrievalDataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && full.EndsWith(".pkl", StringComparison.OrdinalIgnoreCase))
        {
            return RevisitopPickleReader.Read(full);
        }
        if (!Directory.Exists(full))
        {
            throw new DatasetFormatException(full, "(path)", "no such folder or .pkl file.");
        }
        if (File.Exists(Path.Combine(full, GndJsonReader.FileName)))
        {
            return GndJsonReader.Read(full);
        }
        var pickles = Directory.GetFiles(full, "gnd_*.pkl");
        return pickles.Length == 1
            ? RevisitopPickleReader.Read(pickles[0])
            : throw new DatasetFormatException(full, "(folder)", pickles.Length == 0
                ? $"holds neither {GndJsonReader.FileName} nor a gnd_*.pkl."
                : $"holds {pickles.Length} gnd_*.pkl files; pass the one to use.");
    }
}

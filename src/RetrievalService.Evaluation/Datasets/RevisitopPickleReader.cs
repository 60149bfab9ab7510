using System.Collections;
using Razorvine.Pickle;

namespace RetrievalService.Evaluation.Datasets;

/// <summary>
/// Reads revisitop's ground truth (<c>gnd_roxford5k.pkl</c>, <c>gnd_rparis6k.pkl</c>) unchanged: a pickled dict
/// with <c>imlist</c>, <c>qimlist</c> and <c>gnd</c>, each <c>gnd</c> entry a dict with <c>bbx</c>, <c>easy</c>,
/// <c>hard</c> and <c>junk</c>. Images live in <c>jpg/&lt;name&gt;.jpg</c> beside the pickle.
/// </summary>
/// <remarks>
/// Lists and tuples of Python ints and floats are supported, in every pickle protocol (0–5). Numpy arrays are not:
/// unpickling them needs numpy's reconstructors, which Razorvine.Pickle does not provide; the error says so.
/// </remarks>
public static class RevisitopPickleReader
{
    /// <summary>Reads the pickle at <paramref name="pickleFile"/>.</summary>
    /// <exception cref="DatasetFormatException">The file is not a pickle of the expected structure.</exception>
    public static RetrievalDataset Read(string pickleFile)
    {
        var file = Path.GetFullPath(pickleFile);
        var root = PickleValues.Unpickle(file);
        var dict = root as IDictionary
            ?? throw new DatasetFormatException(file, "(root)", $"is a {PickleValues.TypeName(root)}, not a dict.");
        var gnd = PickleValues.List(file, "gnd", PickleValues.Key(file, dict, "gnd", "(root)"));
        var name = Path.GetFileNameWithoutExtension(file);
        return new RetrievalDataset
        {
            Name = name.StartsWith("gnd_", StringComparison.Ordinal) ? name["gnd_".Length..] : name,
            Root = Path.GetDirectoryName(file)!,
            GroundTruthFile = file,
            Layout = DatasetLayout.Revisitop,
            Images = PickleValues.Strings(file, "imlist", PickleValues.Key(file, dict, "imlist", "(root)")),
            Queries = PickleValues.Strings(file, "qimlist", PickleValues.Key(file, dict, "qimlist", "(root)")),
            GroundTruth = Enumerable.Range(0, gnd.Count).Select(i => ToGroundTruth(file, i, gnd[i])).ToList(),
        };
    }

    private static QueryGroundTruth ToGroundTruth(string file, int index, object? value)
    {
        var entry = $"gnd[{index}]";
        var dict = value as IDictionary
            ?? throw new DatasetFormatException(file, entry, $"is a {PickleValues.TypeName(value)}, not a dict.");
        // revisitop always writes the three lists; a missing one reads as empty, like its evaluation code does for junk.
        IReadOnlyList<int> Indices(string key) =>
            dict.Contains(key) ? PickleValues.Integers(file, $"{entry}.{key}", dict[key]) : [];
        BoundingBox? box = null;
        if (dict.Contains("bbx") && dict["bbx"] is { } bbx)
        {
            var numbers = PickleValues.Numbers(file, $"{entry}.bbx", bbx);
            box = BoundingBox.FromList(numbers)
                ?? throw new DatasetFormatException(file, $"{entry}.bbx", $"has {numbers.Count} numbers; expected [x1, y1, x2, y2] or None.");
        }
        return new QueryGroundTruth(Indices("easy"), Indices("hard"), Indices("junk"), box);
    }
}

namespace RetrievalService.DatasetTool.Output;

/// <summary>The format rules a reader relies on, checked before anything is written.</summary>
internal static class GroundTruthChecks
{
    public static IReadOnlyList<string> Find(GroundTruthFile file)
    {
        var problems = new List<string>();
        if (file.Gnd.Count != file.QimList.Count)
        {
            problems.Add($"{file.QimList.Count} queries but {file.Gnd.Count} gnd entries");
        }
        Duplicates(file.ImList, "imlist", problems);
        Duplicates(file.QimList, "qimlist", problems);
        var gallery = file.ImList.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(file.QimList.Where(gallery.Contains).Select(q => $"query '{q}' is also in imlist"));
        for (var q = 0; q < file.Gnd.Count; q++)
        {
            var entry = file.Gnd[q];
            var all = entry.Easy.Concat(entry.Hard).Concat(entry.Junk).ToList();
            problems.AddRange(all.Where(i => i < 0 || i >= file.ImList.Count).Select(i => $"gnd[{q}]: index {i} out of range"));
            if (all.Distinct().Count() != all.Count)
            {
                problems.Add($"gnd[{q}]: an index is listed twice or in two of easy/hard/junk");
            }
            if (entry.Easy.Count + entry.Hard.Count == 0)
            {
                problems.Add($"gnd[{q}]: query has no positive");
            }
            if (entry.Bbx is { Count: not 4 })
            {
                problems.Add($"gnd[{q}]: bbx must have 4 numbers");
            }
        }
        return problems;
    }

    private static void Duplicates(IReadOnlyList<string> names, string list, List<string> problems) =>
        problems.AddRange(names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}' twice in {list}"));
}

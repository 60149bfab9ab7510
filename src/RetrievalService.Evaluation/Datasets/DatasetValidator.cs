namespace RetrievalService.Evaluation.Datasets;

/// <summary>
/// Checks what reading does not: list lengths, index ranges, image files and positives. Every problem is
/// listed (not just the first), each naming the file and the entry.
/// </summary>
public static class DatasetValidator
{
    /// <summary>All problems of <paramref name="dataset"/>; empty when it is fit to evaluate.</summary>
    /// <param name="dataset">The dataset to check.</param>
    /// <param name="checkFiles">Also check that every image file exists (one stat per image).</param>
    public static IReadOnlyList<DatasetProblem> Validate(RetrievalDataset dataset, bool checkFiles = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var problems = new List<DatasetProblem>();
        var file = dataset.GroundTruthFile;
        if (dataset.GroundTruth.Count != dataset.Queries.Count)
        {
            problems.Add(new(ProblemSeverity.Error, file, "gnd",
                $"has {dataset.GroundTruth.Count} entries but qimlist has {dataset.Queries.Count}; one entry per query is required."));
        }
        for (var q = 0; q < dataset.GroundTruth.Count; q++)
        {
            CheckEntry(dataset, q, problems);
        }
        if (checkFiles)
        {
            CheckFiles(dataset, problems);
        }
        return problems;
    }

    /// <summary>Throws <see cref="DatasetInvalidException"/> when any problem is an error.</summary>
    public static void ThrowOnErrors(IReadOnlyList<DatasetProblem> problems)
    {
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new DatasetInvalidException(errors);
        }
    }

    private static void CheckEntry(RetrievalDataset dataset, int q, List<DatasetProblem> problems)
    {
        var file = dataset.GroundTruthFile;
        var gnd = dataset.GroundTruth[q];
        foreach (var (key, list) in new[] { ("easy", gnd.Easy), ("hard", gnd.Hard), ("junk", gnd.Junk) })
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] < 0 || list[i] >= dataset.Images.Count)
                {
                    problems.Add(new(ProblemSeverity.Error, file, $"gnd[{q}].{key}[{i}]",
                        $"index {list[i]} is out of range: imlist has {dataset.Images.Count} images (0-based)."));
                }
            }
        }
        if (gnd.Easy.Count + gnd.Hard.Count == 0)
        {
            // revisitop's compute_map skips a query whose positive list is empty for the protocol at hand; with
            // neither easy nor hard images that is every protocol, so the query counts nowhere.
            problems.Add(new(ProblemSeverity.Warning, file, $"gnd[{q}]",
                "lists no positive (easy and hard are both empty); the query is skipped in the Easy, Medium and Hard protocols."));
        }
        if (gnd.Box is { } box && (box.X2 <= box.X1 || box.Y2 <= box.Y1 || box.X1 < 0 || box.Y1 < 0))
        {
            problems.Add(new(ProblemSeverity.Error, file, $"gnd[{q}].bbx",
                $"[{box.X1}, {box.Y1}, {box.X2}, {box.Y2}] is empty or negative; expected x1 < x2 and y1 < y2, all ≥ 0."));
        }
    }

    private static void CheckFiles(RetrievalDataset dataset, List<DatasetProblem> problems)
    {
        for (var i = 0; i < dataset.Images.Count; i++)
        {
            var path = dataset.ImagePath(i);
            if (!File.Exists(path))
            {
                problems.Add(new(ProblemSeverity.Error, dataset.GroundTruthFile, $"imlist[{i}]", $"image file '{path}' does not exist."));
            }
        }
        for (var q = 0; q < dataset.Queries.Count; q++)
        {
            var path = dataset.QueryPath(q);
            if (!File.Exists(path))
            {
                problems.Add(new(ProblemSeverity.Error, dataset.GroundTruthFile, $"qimlist[{q}]", $"query file '{path}' does not exist."));
            }
        }
    }
}

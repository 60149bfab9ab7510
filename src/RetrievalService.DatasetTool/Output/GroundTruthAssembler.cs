using RetrievalService.DatasetTool.Geometry;

namespace RetrievalService.DatasetTool.Output;

/// <summary>Turns a relevance judgement for every (query, gallery image) pair into <c>gnd</c> entries.</summary>
public static class GroundTruthAssembler
{
    /// <summary>
    /// Builds and validates the file; <paramref name="judge"/> gets (query index, gallery index).
    /// Index lists come out ascending because the gallery is scanned in order.
    /// </summary>
    public static GroundTruthFile Assemble(
        IReadOnlyList<string> imlist, IReadOnlyList<string> qimlist, Func<int, int, Relevance> judge, Func<int, IReadOnlyList<double>?>? bbx = null)
    {
        var gnd = new QueryTruth[qimlist.Count];
        for (var q = 0; q < qimlist.Count; q++)
        {
            var (easy, hard, junk) = (new List<int>(), new List<int>(), new List<int>());
            for (var g = 0; g < imlist.Count; g++)
            {
                var target = judge(q, g) switch
                {
                    Relevance.Easy => easy,
                    Relevance.Hard => hard,
                    Relevance.Junk => junk,
                    _ => null,
                };
                target?.Add(g);
            }
            gnd[q] = new QueryTruth(easy, hard, junk, bbx?.Invoke(q));
        }
        var file = new GroundTruthFile(imlist, qimlist, gnd);
        file.Validate();
        return file;
    }
}

using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.Inference;
using RetrievalService.Training.OnnxBridge;

namespace RetrievalService.Training.Mining;

/// <summary>
/// Each epoch's mining step: embed the epoch's anchor queries with the <b>current student</b>, take the pool's
/// vectors from the <b>teacher</b> (cached) — or, for the teacher-free symmetric baseline, from the student —
/// and mine hard negatives, so negatives are hard under the geometry used at test time.
/// </summary>
/// <remarks>
/// The student runs exported, through ONNX Runtime, as in validation (<see cref="ExportedStudentEmbedder"/>):
/// several times faster than libtorch's forward (docs/platform.md#observations-behind-code-comments), and mining
/// embeds every distinct anchor each epoch (and, for the symmetric baseline, the pool). The two agree to float
/// precision, so only exact ties between pool images can rank differently.
/// </remarks>
/// <param name="split">The training split.</param>
/// <param name="loader">Loads images as the student sees them (unaugmented here).</param>
/// <param name="teacher">Teacher vectors of the split's gallery.</param>
/// <param name="studentPool">Embed the pool with the student instead of using the teacher's vectors.</param>
/// <param name="poolSize">Pool images drawn per epoch; 0 or more than the gallery means the whole gallery.</param>
/// <param name="negatives">Negatives per tuple.</param>
/// <param name="studentManifest">The starting student's manifest (input convention and output of every export).</param>
/// <param name="threads">ONNX Runtime intra-op threads.</param>
public sealed class EpochMiner(
    TrainingSplit split, TrainingImageLoader loader, SplitVectors teacher, bool studentPool, int poolSize, int negatives, ModelManifest studentManifest, int threads)
{
    private int PoolCount => poolSize <= 0 ? split.GalleryJobs.Count : Math.Min(poolSize, split.GalleryJobs.Count);

    /// <summary>Tuples for <paramref name="pairs"/>; the pool subset is drawn with <paramref name="random"/>.</summary>
    public IReadOnlyList<TrainingTuple> Mine(OnnxModule student, IReadOnlyList<QueryPositivePair> pairs, Random random, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(random);
        // Each distinct anchor is embedded once, however often it was drawn.
        var queries = pairs.Select(p => p.Query).Distinct().ToArray();
        // One export per epoch, shared by anchors and (symmetric baseline) pool.
        using var exported = ExportedStudentEmbedder.Load(student, studentManifest, threads);
        var embedded = ExportedStudentEmbedder.Embed(exported, loader, queries.Select(q => split.QueryJobs[q]).ToList(), progress);
        var rowOf = queries.Select((q, row) => (q, row)).ToDictionary(x => x.q, x => x.row);
        var anchors = EmbeddingMatrix.FromRows(pairs.Select(p => embedded.Row(rowOf[p.Query]).ToArray()).ToList(), embedded.Dimension);
        var pool = DrawPool(random);
        var poolVectors = studentPool
            ? ExportedStudentEmbedder.Embed(exported, loader, pool.Select(i => split.GalleryJobs[i]).ToList())
            : EmbeddingMatrix.FromRows(pool.Select(i => teacher.Gallery.Row(i).ToArray()).ToList(), teacher.Dimension);
        return TupleAssembler.Assemble(pairs, anchors, pool, poolVectors, split.Labels, negatives);
    }

    private int[] DrawPool(Random random)
    {
        var all = Enumerable.Range(0, split.GalleryJobs.Count).ToArray();
        if (PoolCount == all.Length)
        {
            return all;
        }
        random.Shuffle(all);
        return [.. all.Take(PoolCount).Order()];
    }
}

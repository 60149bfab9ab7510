using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.Mining;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Runtime;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Mining;

/// <summary>
/// The miner runs the student exported, through ONNX Runtime: its tuples must be the ones the torch module's own
/// vectors give, with the weights as training left them (not as the file on disk holds them).
/// </summary>
public sealed class EpochMinerTests : IDisposable
{
    private const int Negatives = 3;
    private readonly TempFolder folder = new();
    private readonly TrainingSplit split;
    private readonly TrainingImageLoader loader = new(64, 64, [255, 255, 255]);
    private readonly ModelManifest manifest = ModelManifestJson.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.manifest.json"));

    public EpochMinerTests()
    {
        TorchTestSetup.Ensure();
        TorchRuntime.Configure(threads: 1);
        TinyTrainingDataset.Write(folder.Path);
        split = TrainingSplits.Open(folder.Path).Train;
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Anchors_are_embedded_with_the_current_weights_and_ranked_against_the_teacher_pool()
    {
        using var student = TrainedStudent();
        // Any fixed vectors serve as the teacher's here: the test is about the anchors' side.
        var teacher = new SplitVectors(TorchEmbeddings.Embed(student, loader, split.GalleryJobs), null);
        var pairs = Pairs();
        var miner = new EpochMiner(split, loader, teacher, studentPool: false, poolSize: 0, Negatives, manifest, threads: 1);

        var mined = miner.Mine(student, pairs, new Random(1));

        var pool = Enumerable.Range(0, split.GalleryJobs.Count).ToArray();
        var expected = TupleAssembler.Assemble(pairs, ReferenceAnchors(student, pairs), pool, teacher.Gallery, split.Labels, Negatives);
        Assert.Equal(Describe(expected), Describe(mined));
    }

    [Fact]
    public void The_symmetric_baseline_embeds_its_pool_with_the_current_student_too()
    {
        using var student = TrainedStudent();
        // Teacher vectors that rank every pool image alike: mining from them would give another order.
        var flat = EmbeddingMatrix.FromRows(split.GalleryJobs.Select(_ => Unit(512)).ToList(), 512);
        var pairs = Pairs();
        var miner = new EpochMiner(split, loader, new SplitVectors(flat, null), studentPool: true, poolSize: 0, Negatives, manifest, threads: 1);

        var mined = miner.Mine(student, pairs, new Random(1));

        var pool = Enumerable.Range(0, split.GalleryJobs.Count).ToArray();
        var anchors = ReferenceAnchors(student, pairs);
        var poolVectors = TorchEmbeddings.Embed(student, loader, split.GalleryJobs);
        var expected = TupleAssembler.Assemble(pairs, anchors, pool, poolVectors, split.Labels, Negatives);
        Assert.Equal(Describe(expected), Describe(mined));
        var fromTeacher = TupleAssembler.Assemble(pairs, anchors, pool, flat, split.Labels, Negatives);
        Assert.NotEqual(Describe(fromTeacher), Describe(mined));
    }

    private OnnxModule TrainedStudent()
    {
        var student = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        TorchEmbeddings.Perturb(student, seed: 11);
        return student;
    }

    private IReadOnlyList<QueryPositivePair> Pairs() => new TupleSampler(split.Dataset).Draw(8, new Random(3));

    private EmbeddingMatrix ReferenceAnchors(OnnxModule student, IReadOnlyList<QueryPositivePair> pairs)
    {
        var queries = TorchEmbeddings.Embed(student, loader, split.QueryJobs);
        return EmbeddingMatrix.FromRows(pairs.Select(p => queries.Row(p.Query).ToArray()).ToList(), queries.Dimension);
    }

    private static float[] Unit(int dimension)
    {
        var row = new float[dimension];
        row[0] = 1;
        return row;
    }

    private static string[] Describe(IEnumerable<TrainingTuple> tuples) =>
        [.. tuples.Select(t => $"{t.Query}→{t.Positive} | {string.Join(",", t.Negatives)}")];
}

using RetrievalService.Embedding.Inference;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.Mining;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Runtime;
using RetrievalService.Training.Tests.Support;

namespace RetrievalService.Training.Tests.Loop;

/// <summary>The real init student, the tiny training split at 64 px and random unit teacher vectors, shared by the objective tests.</summary>
public sealed class ObjectiveFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public ObjectiveFixture()
    {
        TorchTestSetup.Ensure();
        TorchRuntime.Configure(threads: 1);
        TinyTrainingDataset.Write(folder.Path);
        Split = TrainingSplits.Open(folder.Path).Train;
        Student = OnnxModule.Load(RepoPaths.RequireModel("student-mnv2-convhead-init.onnx"));
        Loader = new TrainingImageLoader(64, 64, [255, 255, 255]);
        RealTeacher = OnnxEmbedder.Load(RepoPaths.RequireModel("teacher-resnet18-gem.manifest.json"), new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1 });
        Teacher = new SplitVectors(UnitRows(Split.GalleryJobs.Count, 1), UnitRows(Split.QueryJobs.Count, 2));
        var pairs = new TupleSampler(Split.Dataset).Draw(2, new Random(1));
        var pool = Enumerable.Range(0, Split.GalleryJobs.Count).ToArray();
        Tuples = TupleAssembler.Assemble(pairs, UnitRows(2, 3), pool, Teacher.Gallery, Split.Labels, negatives: 5);
    }

    public TrainingSplit Split { get; }

    public OnnxModule Student { get; }

    public TrainingImageLoader Loader { get; }

    /// <summary>Random unit vectors standing in for the teacher's cached ones.</summary>
    public SplitVectors Teacher { get; }

    /// <summary>The real teacher, for same-view targets.</summary>
    public OnnxEmbedder RealTeacher { get; }

    public IReadOnlyList<TrainingTuple> Tuples { get; }

    public void Dispose()
    {
        Student.Dispose();
        RealTeacher.Dispose();
        folder.Dispose();
    }

    private static EmbeddingMatrix UnitRows(int count, int seed)
    {
        var values = SyntheticInputs.Normal(seed, count * 512L);
        for (var r = 0; r < count; r++)
        {
            var row = values.AsSpan(r * 512, 512);
            var norm = MathF.Sqrt(row.ToArray().Sum(v => v * v));
            foreach (ref var v in row)
            {
                v /= norm;
            }
        }
        return new EmbeddingMatrix(count, 512, values);
    }
}

using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.ModelPipeline.Artifacts;
using RetrievalService.Training.Checkpoints;
using RetrievalService.Training.Loop;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Export;

/// <summary>Where an exported student went and how closely ONNX Runtime reproduces the torch module.</summary>
/// <param name="OnnxPath">The ONNX file.</param>
/// <param name="ManifestPath">Its manifest.</param>
/// <param name="MaxAbsDifference">Max |ORT − torch| over the embedding of one validation query.</param>
public sealed record ExportedStudent(string OnnxPath, string ManifestPath, double MaxAbsDifference);

/// <summary>
/// Writes the student's current weights (the best epoch's, after <see cref="Trainer.Run"/>) as ONNX + manifest,
/// then loads the written files with ONNX Runtime, as the service would, and checks one embedding against the
/// torch module (≤ 1e-4).
/// </summary>
public static class StudentExporter
{
    /// <summary>The tolerance of the export check.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>Exports under <see cref="TrainingOptions.ModelsDirectory"/> as <see cref="TrainingOptions.ModelId"/>.</summary>
    /// <exception cref="InvalidDataException">ONNX Runtime disagrees with the module beyond <see cref="Tolerance"/>.</exception>
    public static ExportedStudent Export(TrainingSession session, CheckpointManifest final)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(final);
        var student = session.Student;
        var gemP = student.TorchNamesByInitializer.ContainsKey("gem.p") ? student.Initializer("gem.p").item<float>() : double.NaN;
        var manifest = TrainedStudentManifest.Create(session, final, gemP);
        Directory.CreateDirectory(session.Options.ModelsDirectory);
        var (onnxPath, manifestPath) = ModelArtifactWriter.Write(OnnxExporter.Export(student), manifest, session.Options.ModelsDirectory);
        var difference = Compare(session, manifestPath);
        if (difference > Tolerance)
        {
            throw new InvalidDataException($"The exported '{onnxPath}' differs from the trained module by {difference:E2} (> {Tolerance:E0}).");
        }
        return new ExportedStudent(Path.GetFullPath(onnxPath), Path.GetFullPath(manifestPath), difference);
    }

    private static double Compare(TrainingSession session, string manifestPath)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        session.Student.eval();
        var input = session.Loader.Load(session.Splits.Validation.QueryJobs[0]);
        var expected = session.Student.forward(input).reshape(-1).data<float>().ToArray();
        using var exported = OnnxEmbedder.Load(manifestPath, new InferenceOptions { IntraOpThreads = session.Options.Threads, InterOpThreads = 1 });
        using var image = PreprocessedImage.FromPlanes((int)input.shape[3], (int)input.shape[2], input.data<float>().ToArray());
        var actual = exported.Embed(image);
        return expected.Zip(actual).Max(pair => Math.Abs((double)pair.First - pair.Second));
    }
}

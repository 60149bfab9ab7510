using RetrievalService.Embedding.Images;
using System.Security.Cryptography;
using Onnx;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Onnx;
using static RetrievalService.ModelPipeline.Onnx.OnnxNodes;

namespace RetrievalService.Embedding.Tests;

/// <summary>
/// A real, tiny embedding model: image → 1×1 Conv (fixed weights) → GeM → L2 normalisation, written to a temp
/// folder with its manifest, plus the same computation in C# to check ONNX Runtime against.
/// </summary>
internal sealed class TinyModel : IDisposable
{
    public const float GemP = 3f;
    public const int Dimension = 4;

    // Positive weights keep the convolution output above GeM's clamp for every non-black pixel.
    public static readonly float[] Weights = [0.5f, 0.25f, 0.25f, 0.1f, 0.8f, 0.1f, 0.2f, 0.2f, 0.6f, 1f, 0f, 0.5f];

    public TinyModel(object? batch = null, string outputName = ModelIo.Output, int minSide = 8, int longerSide = 32)
    {
        Folder = Directory.CreateTempSubdirectory("tiny-model-").FullName;
        OnnxPath = Path.Combine(Folder, "tiny.onnx");
        OnnxFiles.Save(Build(batch ?? "batch", outputName), OnnxPath);
        Manifest = new ModelManifest
        {
            Id = "tiny-conv-gem",
            Version = "1",
            Role = ModelRole.Teacher,
            Architecture = "conv1x1-gem-l2n",
            OnnxFile = "tiny.onnx",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(OnnxPath))),
            Input = new InputConvention { MinSide = minSide, RecommendedLongerSide = longerSide, Preprocessing = ImagePipeline.Identity },
            Output = new OutputSpec { Dimension = Dimension },
            Provenance = new Provenance { Source = "test" },
        };
    }

    public string Folder { get; }

    public string OnnxPath { get; }

    public ModelManifest Manifest { get; }

    /// <summary>Writes <paramref name="manifest"/> (default: the true one) next to the model and returns its path.</summary>
    public string SaveManifest(ModelManifest? manifest = null)
    {
        var path = Path.Combine(Folder, "tiny" + ModelManifestJson.Suffix);
        ModelManifestJson.Save(manifest ?? Manifest, path);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>The model's function in C#: per output channel (mean over pixels of max(w·rgb, 1e-6)^p)^(1/p), then L2.</summary>
    public static float[] Reference(ReadOnlySpan<float> planes, int height, int width)
    {
        var plane = height * width;
        var pooled = new double[Dimension];
        for (var d = 0; d < Dimension; d++)
        {
            var sum = 0.0;
            for (var i = 0; i < plane; i++)
            {
                var v = Weights[3 * d] * planes[i] + Weights[3 * d + 1] * planes[plane + i] + Weights[3 * d + 2] * planes[2 * plane + i];
                sum += Math.Pow(Math.Max(v, EmbeddingHeadNodes.GemClamp), GemP);
            }
            pooled[d] = Math.Pow(sum / plane, 1 / GemP);
        }
        var norm = Math.Sqrt(pooled.Sum(v => v * v));
        return pooled.Select(v => (float)(v / norm)).ToArray();
    }

    private static ModelProto Build(object batch, string outputName)
    {
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(OnnxValueInfos.FloatTensor(ModelIo.Input, batch, 3, "height", "width"));
        graph.Initializer.Add(OnnxTensors.Float("conv.weight", [Dimension, 3, 1, 1], Weights));
        graph.Node.Add(Node("Conv", "conv", [ModelIo.Input, "conv.weight"], Ints("kernel_shape", 1, 1)));
        var pooled = EmbeddingHeadNodes.AppendGem(graph, "conv", "gem", GemP);
        EmbeddingHeadNodes.AppendL2Normalize(graph, pooled, "l2n", outputName);
        graph.Output.Add(OnnxValueInfos.FloatTensor(outputName, batch, Dimension));
        var model = new ModelProto { IrVersion = 7, Graph = graph, ProducerName = "tests" };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }
}

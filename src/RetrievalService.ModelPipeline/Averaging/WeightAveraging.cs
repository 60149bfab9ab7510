using Google.Protobuf;
using Onnx;
using RetrievalService.ModelPipeline.Onnx;

namespace RetrievalService.ModelPipeline.Averaging;

/// <summary>
/// The uniform average of the weights of models that share one graph: a "model soup" (Wortsman et al., ICML 2022).
/// Students fine-tuned from one initialisation at low rates end in one basin of the loss, where the average of their
/// weights is itself a model, and its errors are the average of theirs rather than any one run's noise.
/// Whether a given average is better is for the evaluator to say; this only computes it, and refuses models whose
/// graphs differ, since their weights do not correspond.
/// </summary>
public static class WeightAveraging
{
    /// <summary>
    /// Averages below this magnitude are written as zero, as the trainer's exporter does: such weights contribute
    /// nothing, and their products with activations are subnormal floats that the CPU handles in microcode.
    /// </summary>
    public const float NegligibleWeight = 1e-20f;

    /// <summary>The first model with each float initializer replaced by the mean over all models.</summary>
    /// <exception cref="ArgumentException">Fewer than two models.</exception>
    /// <exception cref="InvalidDataException">The models' graphs, initializer names, shapes or types differ, or a non-float initializer differs.</exception>
    public static ModelProto Average(IReadOnlyList<ModelProto> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count < 2)
        {
            throw new ArgumentException($"Averaging needs at least two models; got {models.Count}.", nameof(models));
        }
        var first = models[0];
        var structure = WithoutWeights(first);
        for (var m = 1; m < models.Count; m++)
        {
            RequireSameGraph(first, structure, models[m], m + 1);
        }
        var averaged = first.Clone();
        var initializers = averaged.Graph.Initializer;
        for (var i = 0; i < initializers.Count; i++)
        {
            var tensors = models.Select(model => model.Graph.Initializer[i]).ToList();
            if (tensors[0].DataType == (int)TensorProto.Types.DataType.Float)
            {
                initializers[i] = Mean(tensors);
            }
            else if (tensors.Skip(1).Any(t => !t.Equals(tensors[0])))
            {
                // Shapes, indices and the like are part of the graph: models that differ there are not one network.
                throw new InvalidDataException(
                    $"Initializer '{tensors[0].Name}' ({(TensorProto.Types.DataType)tensors[0].DataType}) differs between the models; only float weights may differ.");
            }
        }
        return averaged;
    }

    private static TensorProto Mean(IReadOnlyList<TensorProto> tensors)
    {
        var sums = new double[OnnxTensors.ElementCount(tensors[0])];
        foreach (var tensor in tensors)
        {
            var values = OnnxTensors.ReadFloats(tensor);
            if (values.Length != sums.Length)
            {
                throw new InvalidDataException($"Initializer '{tensor.Name}' holds {values.Length} values where its shape needs {sums.Length}.");
            }
            for (var j = 0; j < values.Length; j++)
            {
                sums[j] += values[j];
            }
        }
        var mean = new float[sums.Length];
        for (var j = 0; j < mean.Length; j++)
        {
            var value = (float)(sums[j] / tensors.Count);
            mean[j] = Math.Abs(value) < NegligibleWeight ? 0f : value;
        }
        var result = OnnxTensors.Float(tensors[0].Name, [.. tensors[0].Dims], mean);
        result.DocString = tensors[0].DocString;
        return result;
    }

    private static void RequireSameGraph(ModelProto first, ByteString firstStructure, ModelProto other, int position)
    {
        var (a, b) = (first.Graph.Initializer, other.Graph.Initializer);
        if (a.Count != b.Count)
        {
            throw new InvalidDataException($"Model {position} has {b.Count} initializers, model 1 has {a.Count}: not the same network.");
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Name != b[i].Name || a[i].DataType != b[i].DataType || !a[i].Dims.SequenceEqual(b[i].Dims))
            {
                throw new InvalidDataException(
                    $"Initializer {i + 1} is '{a[i].Name}' [{string.Join(",", a[i].Dims)}] in model 1 but '{b[i].Name}' [{string.Join(",", b[i].Dims)}] in model {position}: not the same network.");
            }
        }
        if (!firstStructure.Equals(WithoutWeights(other)))
        {
            throw new InvalidDataException($"Model {position}'s graph (nodes, inputs, outputs or metadata) differs from model 1's: not the same network.");
        }
    }

    private static ByteString WithoutWeights(ModelProto model)
    {
        var copy = model.Clone();
        copy.Graph.Initializer.Clear();
        return copy.ToByteString();
    }
}

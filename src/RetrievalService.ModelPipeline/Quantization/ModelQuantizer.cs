using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Photos;

namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>
/// Static int8 quantization of an embedding model end to end: BatchNormalization folding, plan, min/max calibration
/// on real images prepared exactly as the service prepares queries, QDQ rewrite, and a check of the result against
/// the original float model.
/// </summary>
public static class ModelQuantizer
{
    public static (ModelProto Model, QuantizationReport Report) Quantize(
        ModelProto model, InputConvention input, CalibrationSet images, int threads = 1, IReadOnlySet<string>? keepFloat = null)
    {
        var (folded, foldedNorms) = BatchNormFolding.Fold(model);
        var plan = QuantizationPlan.For(folded.Graph, keepFloat);
        if (plan.QuantizedNodes.Count == 0)
        {
            throw new NotSupportedException("The graph has no Conv with constant weights: nothing to quantize.");
        }
        var ranges = ActivationCalibrator.Calibrate(folded, plan.Tensors, Load(images.Calibration, input), threads);
        var quantized = QdqQuantizer.Quantize(folded, plan, ranges);
        var cosines = Agreement(model, quantized, images.Agreement, input, threads);
        var report = new QuantizationReport(
            plan.QuantizedNodes.Count, plan.FoldedActivations.Count, foldedNorms, plan.Tensors.Count,
            images.Calibration.Count, cosines.Count,
            cosines.Count > 0 ? cosines.Average() : double.NaN,
            cosines.Count > 0 ? cosines.Min() : double.NaN);
        return (quantized, report);
    }

    /// <summary>
    /// Cosine between the float and the int8 model's outputs per image, the int8 one run with every ONNX Runtime
    /// optimisation on: the fused integer kernels the service will run, not a float simulation of them.
    /// </summary>
    public static IReadOnlyList<double> Agreement(ModelProto reference, ModelProto candidate, IReadOnlyList<string> files, InputConvention input, int threads)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var referenceSession = new InferenceSession(reference.ToByteArray(), options);
        using var candidateSession = new InferenceSession(candidate.ToByteArray(), options);
        var cosines = new List<double>();
        foreach (var image in Load(files, input))
        {
            using (image)
            {
                var a = Run(referenceSession, image);
                var b = Run(candidateSession, image);
                cosines.Add(System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b));
            }
        }
        return cosines;
    }

    private static float[] Run(InferenceSession session, PreprocessedImage image)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(image.Pixels.ToArray(), [1, 3, image.Height, image.Width]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames.Single()], [value], [session.OutputNames.Single()]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static IEnumerable<PreprocessedImage> Load(IEnumerable<string> files, InputConvention input)
    {
        foreach (var file in files)
        {
            PreparedImage prepared;
            try
            {
                prepared = LocalImagePipeline.Instance.Prepare(File.ReadAllBytes(file), input);
            }
            catch (ImageRejectedException e)
            {
                // A silently skipped image would change the calibration without a trace: stop and name it.
                throw new InvalidDataException($"Calibration image '{file}' cannot be used: {e.Message}", e);
            }
            yield return prepared.DetachTensor();
        }
    }
}

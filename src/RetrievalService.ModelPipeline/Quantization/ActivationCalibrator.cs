using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using RetrievalService.Embedding.Images;

namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>
/// Min/max calibration: runs the float model on calibration images with the planned tensors exposed as extra
/// outputs, and records each tensor's range over all images.
/// </summary>
public static class ActivationCalibrator
{
    public static IReadOnlyDictionary<string, TensorRange> Calibrate(
        ModelProto model, IReadOnlyList<string> tensors, IEnumerable<PreprocessedImage> images, int threads = 1, IProgress<int>? progress = null)
    {
        var probe = model.Clone();
        var existing = probe.Graph.Output.Select(o => o.Name).ToHashSet();
        foreach (var name in tensors.Where(t => !existing.Contains(t)))
        {
            // No shape: ONNX Runtime infers it; the element type is all an extra output needs.
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        // Optimisations may fuse a probed tensor away; the float graph as written is what is being measured.
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL;
        using var session = new InferenceSession(probe.ToByteArray(), options);
        using var runOptions = new RunOptions();
        var inputName = session.InputNames.Single();
        var outputNames = tensors.ToArray();
        var ranges = tensors.ToDictionary(t => t, _ => TensorRange.Empty);
        var count = 0;
        foreach (var image in images)
        {
            using (image)
            {
                var pixels = image.Pixels.ToArray();
                using var input = OrtValue.CreateTensorValueFromMemory(pixels, [1, 3, image.Height, image.Width]);
                using var outputs = session.Run(runOptions, [inputName], [input], outputNames);
                for (var i = 0; i < outputNames.Length; i++)
                {
                    ranges[outputNames[i]] = ranges[outputNames[i]].Include(outputs[i].GetTensorDataAsSpan<float>());
                }
            }
            count++;
            progress?.Report(count);
        }
        if (count == 0)
        {
            throw new ArgumentException("Calibration needs at least one image.", nameof(images));
        }
        return ranges;
    }
}

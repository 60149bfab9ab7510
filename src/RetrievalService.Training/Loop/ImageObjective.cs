using RetrievalService.Training.Data;
using RetrievalService.Training.Losses;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Loop;

/// <summary>
/// The label-free losses on single images: regression to the teacher's vector of the same image (or of the same
/// view, <see cref="SameViewImageTargets"/>), and RKD, which relates all images of the batch and therefore runs one
/// backward per batch.
/// </summary>
internal sealed class ImageObjective(OnnxModule student, TrainingImageLoader loader, TrainingSplit split, IImageTargets targets,
    LossKind loss, Augmentation? augmentation) : IObjective<SplitImage>
{
    public int StudentImages(SplitImage item) => 1;

    public double Backward(IReadOnlyList<SplitImage> batch, Random random)
    {
        using var scope = NewDisposeScope();
        var rows = new float[batch.Count][];
        var outputs = new Tensor[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            using var view = loader.Prepare(split.Job(batch[i]), augmentation, random);
            rows[i] = targets.For(batch[i], view).ToArray();
            outputs[i] = student.forward(TrainingImageLoader.ToTensor(view));
        }
        var embedded = cat(outputs, 0);
        var targetTensor = tensor(rows.SelectMany(r => r).ToArray(), [batch.Count, rows[0].Length], ScalarType.Float32);
        var value = loss switch
        {
            LossKind.Regression => RegressionLoss.Compute(embedded, targetTensor),
            LossKind.Rkd => RkdLoss.Compute(embedded, targetTensor),
            _ => throw new InvalidOperationException($"{loss.Name()} is not an image loss."),
        };
        value.backward();
        return value.item<float>();
    }
}

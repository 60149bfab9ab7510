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
        var dimension = -1;
        var rows = new List<float[]>(batch.Count);
        var embedded = new List<Tensor>(batch.Count);
        foreach (var image in batch)
        {
            using var view = loader.Prepare(split.Job(image), augmentation, random);
            var target = targets.For(image, view);
            dimension = target.Length;
            rows.Add(target.ToArray());
            embedded.Add(student.forward(TrainingImageLoader.ToTensor(view)));
        }
        var targetTensor = tensor(rows.SelectMany(r => r).ToArray(), [batch.Count, dimension], ScalarType.Float32);
        var value = loss switch
        {
            LossKind.Regression => RegressionLoss.Compute(cat(embedded, 0), targetTensor),
            LossKind.Rkd => RkdLoss.Compute(cat(embedded, 0), targetTensor),
            _ => throw new InvalidOperationException($"{loss.Name()} is not an image loss."),
        };
        value.backward();
        return value.item<float>();
    }
}

using RetrievalService.Training.Data;
using RetrievalService.Training.Losses;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Loop;

/// <summary>
/// The label-free losses on single images: regression to the teacher's vector of the same image (or of the same
/// view, <see cref="SameViewImageTargets"/>), and RKD, which relates all images of the batch and therefore runs one
/// backward per batch. With <paramref name="mixup"/>, some inputs are blended with another image of the split.
/// </summary>
internal sealed class ImageObjective(OnnxModule student, TrainingImageLoader loader, TrainingSplit split, IImageTargets targets,
    LossKind loss, Augmentation? augmentation, Mixup? mixup = null) : IObjective<SplitImage>
{
    public int StudentImages(SplitImage item) => 1;

    public double Backward(IReadOnlyList<SplitImage> batch, Random random)
    {
        using var scope = NewDisposeScope();
        var rows = new float[batch.Count][];
        var outputs = new Tensor[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            using var view = loader.Prepare(split.Job(batch[i]), augmentation, random, DrawPartner(random));
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

    // Any image of the split, not only the batch's, so that a last batch of one can be blended too.
    private MixPartner? DrawPartner(Random random)
    {
        if (mixup?.DrawPartnerWeight(random) is not { } weight)
        {
            return null;
        }
        var queries = split.QueryJobs.Count;
        var index = random.Next(queries + split.GalleryJobs.Count);
        var partner = index < queries ? SplitImage.Query(index) : SplitImage.Gallery(index - queries);
        return new MixPartner(split.Job(partner), weight);
    }
}

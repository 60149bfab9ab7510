using RetrievalService.Training.Data;
using RetrievalService.Training.Losses;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Loop;

/// <summary>
/// The label-free losses on single images: regression to the teacher's vector of the same image (or of the same
/// view, <see cref="SameViewImageTargets"/>), and RKD, which relates all images of the batch and therefore runs one
/// backward per batch. With <paramref name="mixup"/>, some inputs are blended with another image of the split. With
/// <paramref name="featureMaps"/>, regression also pulls the student's pre-pooling map towards the teacher's
/// (<see cref="FeatureMapLoss"/>), weighted by its weight.
/// </summary>
internal sealed class ImageObjective(OnnxModule student, TrainingImageLoader loader, TrainingSplit split, IImageTargets targets,
    LossKind loss, Augmentation? augmentation, Mixup? mixup = null, (FeatureMapTeacher Teacher, double Weight)? featureMaps = null)
    : IObjective<SplitImage>
{
    public int StudentImages(SplitImage item) => 1;

    public double Backward(IReadOnlyList<SplitImage> batch, Random random)
    {
        using var scope = NewDisposeScope();
        var rows = new float[batch.Count][];
        var outputs = new Tensor[batch.Count];
        var mapLosses = new List<Tensor>();
        for (var i = 0; i < batch.Count; i++)
        {
            using var view = loader.Prepare(split.Job(batch[i]), augmentation, random, DrawPartner(random));
            rows[i] = targets.For(batch[i], view).ToArray();
            var input = TrainingImageLoader.ToTensor(view);
            if (featureMaps is { } maps)
            {
                // Views differ in aspect ratio, so maps are compared image by image rather than stacked.
                var (output, map) = student.ForwardWithFeatureMap(input);
                outputs[i] = output;
                mapLosses.Add(FeatureMapLoss.Compute(map, maps.Teacher.Map(input)));
            }
            else
            {
                outputs[i] = student.forward(input);
            }
        }
        var embedded = cat(outputs, 0);
        var targetTensor = tensor(rows.SelectMany(r => r).ToArray(), [batch.Count, rows[0].Length], ScalarType.Float32);
        var value = loss switch
        {
            LossKind.Regression => RegressionLoss.Compute(embedded, targetTensor),
            LossKind.Rkd => RkdLoss.Compute(embedded, targetTensor),
            _ => throw new InvalidOperationException($"{loss.Name()} is not an image loss."),
        };
        if (featureMaps is { } distillation)
        {
            value = value + distillation.Weight * stack(mapLosses).mean();
        }
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

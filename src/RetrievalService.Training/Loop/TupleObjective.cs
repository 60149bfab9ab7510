using RetrievalService.Embedding.Images;
using RetrievalService.Training.Data;
using RetrievalService.Training.Losses;
using RetrievalService.Training.OnnxBridge;
using static TorchSharp.torch;

namespace RetrievalService.Training.Loop;

/// <summary>
/// The tuple losses. The student embeds the anchor (and, for the symmetric baseline, the positive and the
/// negatives too); the teacher's side comes from its cached vectors. Contr+'s term on the anchor's own teacher
/// vector takes it from <paramref name="anchorTargets"/>: the cached vector of the whole query, or the teacher run on
/// the student's augmented view of it (<see cref="SameViewImageTargets"/>).
/// </summary>
internal sealed class TupleObjective(OnnxModule student, TrainingImageLoader loader, TrainingSplit split, SplitVectors teacher,
    LossKind loss, double margin, Augmentation? augmentation, IImageTargets anchorTargets) : IObjective<TrainingTuple>
{
    public int StudentImages(TrainingTuple item) => loss.IsSymmetric() ? 2 + item.Negatives.Count : 1;

    public double Backward(IReadOnlyList<TrainingTuple> batch, Random random)
    {
        var total = 0.0;
        foreach (var tuple in batch)
        {
            // Every loss is a mean over tuples, so (tuple loss)/T summed tuple by tuple gives the batch gradient
            // while only one tuple's activations are alive: a scope and a backward per tuple.
            using var scope = NewDisposeScope();
            var value = TupleLoss(tuple, random) / batch.Count;
            value.backward();
            total += value.item<float>();
        }
        return total;
    }

    private Tensor TupleLoss(TrainingTuple tuple, Random random)
    {
        using var view = loader.Prepare(split.QueryJobs[tuple.Query], augmentation, random);
        var anchor = student.forward(TrainingImageLoader.ToTensor(view));
        if (loss.IsSymmetric())
        {
            var positive = Embed(tuple.Positive);
            var negatives = cat(tuple.Negatives.Select(Embed).ToList(), 0).unsqueeze(0);
            return SymmetricContrastiveLoss.Compute(anchor, positive, negatives, margin);
        }
        var teacherPositive = Teacher([SplitImage.Gallery(tuple.Positive)]);
        var teacherNegatives = Teacher(tuple.Negatives.Select(SplitImage.Gallery)).unsqueeze(0);
        return loss switch
        {
            LossKind.AsymmetricContrastive => AsymmetricContrastiveLoss.Compute(anchor, teacherPositive, teacherNegatives, margin),
            LossKind.AsymmetricTriplet => AsymmetricTripletLoss.Compute(anchor, teacherPositive, teacherNegatives, margin),
            LossKind.ContrastivePlus => ContrastivePlusLoss.Compute(anchor, AnchorTarget(tuple, view), teacherPositive, teacherNegatives, margin),
            _ => throw new InvalidOperationException($"{loss.Name()} is not a tuple loss."),
        };
    }

    private Tensor AnchorTarget(TrainingTuple tuple, PreprocessedImage view)
    {
        var row = anchorTargets.For(SplitImage.Query(tuple.Query), view).ToArray();
        return tensor(row, [1, row.Length], ScalarType.Float32);
    }

    private Tensor Embed(int galleryIndex) => student.forward(loader.Load(split.GalleryJobs[galleryIndex]));

    private Tensor Teacher(IEnumerable<SplitImage> images)
    {
        var rows = teacher.Rows(images);
        return tensor(rows, [rows.Length / teacher.Dimension, teacher.Dimension], ScalarType.Float32);
    }
}

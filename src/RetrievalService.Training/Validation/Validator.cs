using RetrievalService.Evaluation.Metrics;
using RetrievalService.Evaluation.Running;
using RetrievalService.Evaluation.Search;
using RetrievalService.Training.Data;
using RetrievalService.Training.Inference;
using RetrievalService.Training.OnnxBridge;

namespace RetrievalService.Training.Validation;

/// <summary>
/// Model selection by retrieval quality, not loss: the student embeds the validation queries (as the
/// evaluator would: same decoder, crop and size), the teacher's cached vectors are the gallery, and the
/// evaluation library's exact search and revisited mAP score them. The torch module is used directly, so
/// no ONNX export is needed per epoch; the export is checked against the module once, at the end.
/// </summary>
/// <param name="split">The validation split.</param>
/// <param name="teacherGallery">The teacher's vectors of its gallery.</param>
/// <param name="loader">Loads images as the evaluator prepares queries.</param>
/// <param name="symmetric">Also embed the gallery with the student and score student→student.</param>
public sealed class Validator(TrainingSplit split, EmbeddingMatrix teacherGallery, TrainingImageLoader loader, bool symmetric)
{
    /// <summary>Scores <paramref name="student"/> as it is now (switches it to <c>eval()</c>).</summary>
    public ValidationScores Evaluate(OnnxModule student, IEvaluationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var queryJobs = split.QueryJobs;
        var queries = StudentEmbedder.Embed(student, loader, queryJobs, observer.BeginPhase("validation queries × student", queryJobs.Count));
        var asymmetric = Score(teacherGallery, queries);
        if (!symmetric)
        {
            return new ValidationScores(asymmetric, null);
        }
        var galleryJobs = split.GalleryJobs;
        var gallery = StudentEmbedder.Embed(student, loader, galleryJobs, observer.BeginPhase("validation gallery × student", galleryJobs.Count));
        return new ValidationScores(asymmetric, Score(gallery, queries));
    }

    private MapScores Score(EmbeddingMatrix gallery, EmbeddingMatrix queries) =>
        MapScores.From(RevisitedEvaluation.Evaluate(ExactSearch.Rank(gallery, queries), split.Dataset.GroundTruth));
}

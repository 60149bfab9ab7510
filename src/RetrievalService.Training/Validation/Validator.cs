using RetrievalService.Embedding.Manifests;
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
/// evaluation library's exact search and revisited mAP score them. The student runs as the evaluator and the
/// service run it: exported, through ONNX Runtime (<see cref="ExportedStudentEmbedder"/>).
/// </summary>
/// <param name="split">The validation split.</param>
/// <param name="teacherGallery">The teacher's vectors of its gallery.</param>
/// <param name="loader">Loads images as the evaluator prepares queries.</param>
/// <param name="embedGallery">Also embed the gallery with the student: score student→student and the student's agreement with the teacher.</param>
/// <param name="studentManifest">The starting student's manifest (input convention and output of every epoch's export).</param>
/// <param name="threads">ONNX Runtime intra-op threads.</param>
public sealed class Validator(
    TrainingSplit split, EmbeddingMatrix teacherGallery, TrainingImageLoader loader, bool embedGallery, ModelManifest studentManifest, int threads)
{
    /// <summary>Scores <paramref name="student"/>'s weights as they are now, through their export (the module's mode is untouched).</summary>
    public ValidationScores Evaluate(OnnxModule student, IEvaluationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var queryJobs = split.QueryJobs;
        // One export per validation, shared by queries and (symmetric) gallery.
        using var exported = ExportedStudentEmbedder.Load(student, studentManifest, threads);
        var queries = ExportedStudentEmbedder.Embed(exported, loader, queryJobs, observer.BeginPhase("validation queries × student", queryJobs.Count));
        var asymmetric = Score(teacherGallery, queries);
        if (!embedGallery)
        {
            return new ValidationScores(asymmetric, null);
        }
        var galleryJobs = split.GalleryJobs;
        var gallery = ExportedStudentEmbedder.Embed(exported, loader, galleryJobs, observer.BeginPhase("validation gallery × student", galleryJobs.Count));
        return new ValidationScores(asymmetric, Score(gallery, queries), TeacherAgreement.Measure(gallery, teacherGallery));
    }

    private MapScores Score(EmbeddingMatrix gallery, EmbeddingMatrix queries) =>
        MapScores.From(RevisitedEvaluation.Evaluate(ExactSearch.Rank(gallery, queries), split.Dataset.GroundTruth));
}

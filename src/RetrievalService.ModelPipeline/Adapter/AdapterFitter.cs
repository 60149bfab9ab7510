using System.Security.Cryptography;
using System.Text;

namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>
/// Fits the linear adapter (student GeM features → teacher space): the ridge penalty is chosen by mean
/// cosine on a validation part of the fitting photos (split by photo), then the map is refitted on all
/// fitting photos and measured once on the held-out photos.
/// </summary>
public static class AdapterFitter
{
    public static readonly IReadOnlyList<double> DefaultLambdas = [1e-2, 3e-2, 1e-1, 3e-1, 1, 3, 10, 30];

    public static AdapterFitReport Fit(IReadOnlyList<PairedSample> fitting, IReadOnlyList<PairedSample> heldOut, IReadOnlyList<double>? lambdas = null)
    {
        lambdas ??= DefaultLambdas;
        var isValidation = fitting.Select(s => s.PhotoKey).Distinct().ToDictionary(key => key, IsValidationPhoto);
        var train = fitting.Where(s => !isValidation[s.PhotoKey]).ToList();
        var validation = fitting.Where(s => isValidation[s.PhotoKey]).ToList();

        var trainProblem = Problem(train);
        var scores = lambdas.ToDictionary(lambda => lambda, lambda => Measure(trainProblem.Solve(lambda), validation).MeanCosine);
        var best = scores.MaxBy(pair => pair.Value).Key;
        var map = Problem(fitting).Solve(best);
        return new AdapterFitReport
        {
            Map = map,
            Lambda = best,
            ValidationCosineByLambda = scores.ToDictionary(p => p.Key.ToString("R", System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
            FittingPhotos = isValidation.Count,
            FittingViews = fitting.Count,
            HeldOutPhotos = heldOut.Select(s => s.PhotoKey).Distinct().Count(),
            HeldOutAllViews = Measure(map, heldOut),
            HeldOutWholeImages = Measure(map, heldOut.Where(s => s.View == 0).ToList()),
        };
    }

    /// <summary>Student vectors through <paramref name="map"/> and L2N, against the teacher vectors of the same views.</summary>
    public static CompatibilityMetrics Measure(LinearMap map, IReadOnlyList<PairedSample> samples) =>
        CompatibilityMetrics.Measure(
            samples.Select(s => CompatibilityMetrics.Normalize(map.Apply(s.StudentFeatures))).ToList(),
            samples.Select(s => s.TeacherVector).ToList());

    private static RidgeRegression Problem(IReadOnlyList<PairedSample> samples) =>
        new(samples.Select(s => s.StudentFeatures).ToList(), samples.Select(s => s.TeacherVector).ToList());

    // About 15 % of the fitting photos, chosen by a content hash of the key so the split is the same everywhere.
    private static bool IsValidationPhoto(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key))[0] < 38;
}

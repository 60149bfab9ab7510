namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>
/// Images for calibration, and disjoint images for checking the quantized model against the float one, drawn
/// evenly from a folder tree in ordinal path order, so the same folder always gives the same model.
/// </summary>
public sealed record CalibrationSet(IReadOnlyList<string> Calibration, IReadOnlyList<string> Agreement)
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif" };

    public static CalibrationSet Sample(string folder, int calibrationCount, int agreementCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calibrationCount);
        ArgumentOutOfRangeException.ThrowIfNegative(agreementCount);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Calibration folder '{folder}' does not exist.");
        }
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count < calibrationCount + agreementCount)
        {
            throw new ArgumentException(
                $"'{folder}' holds {files.Count} images; {calibrationCount} for calibration and {agreementCount} for the check need more.");
        }
        var calibration = Spread(files.Count, calibrationCount).Select(i => files[i]).ToList();
        var taken = calibration.ToHashSet();
        var rest = files.Where(f => !taken.Contains(f)).ToList();
        var agreement = Spread(rest.Count, agreementCount).Select(i => rest[i]).ToList();
        return new CalibrationSet(calibration, agreement);
    }

    // Evenly spaced indices, so every part of the tree (every package, every source photo) is represented.
    private static IEnumerable<int> Spread(int total, int count) =>
        Enumerable.Range(0, count).Select(k => (int)((long)k * total / count));
}

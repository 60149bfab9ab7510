using System.Globalization;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>The manifest of an int8 copy of a model: same input, output and teacher space, provenance extended.</summary>
public static class QuantizedManifests
{
    /// <summary>
    /// An int8 copy of a student stays a student of the same teacher. An int8 copy of a teacher becomes a query model
    /// (role student) compatible with that teacher: its vectors are the teacher's up to rounding, so it searches the
    /// float teacher's gallery, but it must not embed a gallery itself, which stays the float teacher's job.
    /// </summary>
    public static ModelManifest From(ModelManifest source, string id, QuantizationReport report, string calibrationData, string command)
    {
        var metrics = new Dictionary<string, double>(source.Provenance.Metrics ?? new Dictionary<string, double>())
        {
            ["quantizedNodes"] = report.QuantizedNodes,
            ["calibrationImages"] = report.CalibrationImages,
            ["floatAgreementImages"] = report.AgreementImages,
            ["floatAgreementMeanCosine"] = Math.Round(report.AgreementMeanCosine, 4),
            ["floatAgreementMinCosine"] = Math.Round(report.AgreementMinCosine, 4),
        };
        return source with
        {
            Id = id,
            Role = ModelRole.Student,
            CompatibleWith = source.Role == ModelRole.Teacher
                ? new TeacherReference { TeacherId = source.Id, TeacherSha256 = source.Sha256 }
                : source.CompatibleWith,
            OnnxFile = "",
            Sha256 = "",
            Architecture = $"{source.Architecture}; static int8 (QDQ: uint8 activations per tensor, int8 weights per output channel, "
                + $"{report.QuantizedNodes} Conv/Add nodes, {report.FoldedActivations} ReLU/ReLU6{(report.FoldedBatchNorms > 0 ? $" and {report.FoldedBatchNorms} BatchNormalization" : "")} folded)",
            Provenance = source.Provenance with
            {
                Source = $"{source.Id} (sha256 {source.Sha256}), quantized; upstream: {source.Provenance.Source}",
                Method = $"{source.Provenance.Method} Then post-training static quantization: min/max calibration over "
                    + $"{report.CalibrationImages.ToString(CultureInfo.InvariantCulture)} images, checked against the float model on "
                    + $"{report.AgreementImages.ToString(CultureInfo.InvariantCulture)} other images (mean cosine {report.AgreementMeanCosine.ToString("F4", CultureInfo.InvariantCulture)}).",
                Data = source.Provenance.Data is { } data ? $"{data} Calibration: {calibrationData}" : $"Calibration: {calibrationData}",
                Metrics = metrics,
                Command = command,
            },
        };
    }
}

using System.Text.Json;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Student;

namespace RetrievalService.ModelTool.Commands;

/// <summary>
/// The committed adapter: weights in <c>models/adapters/{student}.adapter.bin</c>, the fit report in
/// <c>.fit.json</c>. Both are bound to the teacher they were fitted against.
/// </summary>
internal static class AdapterFiles
{
    public static string WeightsPath(string modelsDir) => Path.Combine(modelsDir, "adapters", StudentManifests.LinearId + ".adapter.bin");

    public static string ReportPath(string modelsDir) => Path.Combine(modelsDir, "adapters", StudentManifests.LinearId + ".fit.json");

    public static void Save(string modelsDir, AdapterFitReport report)
    {
        LinearMapFile.Save(report.Map!, WeightsPath(modelsDir));
        File.WriteAllText(ReportPath(modelsDir), JsonSerializer.Serialize(report, ModelManifestJson.Options) + "\n");
    }

    public static (LinearMap Map, AdapterFitReport Report) Load(string modelsDir, ModelManifest teacher)
    {
        var report = JsonSerializer.Deserialize<AdapterFitReport>(File.ReadAllText(ReportPath(modelsDir)), ModelManifestJson.Options)
            ?? throw new InvalidDataException($"'{ReportPath(modelsDir)}' is empty.");
        if (!report.Context.TryGetValue("teacherSha256", out var fittedFor) || fittedFor != teacher.Sha256)
        {
            throw new InvalidDataException(
                $"The adapter was fitted for teacher sha256 {fittedFor ?? "(unknown)"}, but {teacher.Id} is {teacher.Sha256}: run `model-tool fit-adapter` again.");
        }
        return (LinearMapFile.Load(WeightsPath(modelsDir)), report);
    }
}

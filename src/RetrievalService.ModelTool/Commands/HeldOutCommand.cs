using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RetrievalService.Embedding.Inference;
using RetrievalService.ModelPipeline.Adapter;
using RetrievalService.ModelPipeline.Photos;

namespace RetrievalService.ModelTool.Commands;

/// <summary>
/// How well students find the teacher's vector of the same held-out photo (whole images from packages no fit, dataset
/// split or calibration uses): the numbers the compatibility tests hold the shipped students to, for any student.
/// </summary>
internal static class HeldOutCommand
{
    public static Command Create()
    {
        var teacher = new Option<FileInfo>("--teacher") { Description = "Manifest of the teacher (the gallery model).", DefaultValueFactory = _ => new FileInfo("models/teacher-resnet18-gem.manifest.json") };
        var students = new Option<FileInfo[]>("--students") { Description = "Manifests of the students (query models) to measure.", Required = true, AllowMultipleArgumentsPerToken = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the metrics as JSON." };
        var data = CommonOptions.DataDir();
        var command = new Command("held-out", "Asymmetric compatibility of students on the held-out Debian photos: mean cosine, top-1, top-5 and pairwise win rate against the teacher's vectors.")
        {
            teacher, students, json, data,
        };
        command.SetAction(parse => ModelToolErrors.Reporting("held-out", () =>
        {
            var paths = new[] { parse.GetValue(teacher)!.FullName }.Concat(parse.GetValue(students)!.Select(s => s.FullName)).ToList();
            var embedded = HeldOutPhotoVectors.Embed(paths, Path.Combine(parse.GetValue(data)!.FullName, "sources", "debs"),
                new InferenceOptions { IntraOpThreads = 1, InterOpThreads = 1 });
            var teacherId = embedded.ModelIds[0];
            var rows = embedded.ModelIds.Skip(1)
                .Select(id => (Id: id, Metrics: CompatibilityMetrics.Measure(embedded.Vectors[id], embedded.Vectors[teacherId])))
                .ToList();
            Console.WriteLine($"{embedded.Photos.Count} held-out photos, teacher {teacherId}, whole images at each model's recommended size.");
            Console.WriteLine();
            Console.WriteLine("| student | pairwise win rate | top-1 | top-5 | mean cosine |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (id, m) in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {id} | {m.PairwiseWinRate:F3} | {m.Top1:F3} | {m.Top5:F3} | {m.MeanCosine:F3} |"));
            }
            if (parse.GetValue(json) is { } file)
            {
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(
                    new { teacher = teacherId, photos = embedded.Photos, students = rows.ToDictionary(r => r.Id, r => r.Metrics) },
                    new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            }
            return 0;
        }));
        return command;
    }
}

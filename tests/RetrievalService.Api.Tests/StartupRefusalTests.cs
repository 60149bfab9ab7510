using System.Text.Json.Nodes;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;

namespace RetrievalService.Api.Tests;

/// <summary>
/// The service refuses to start without a database, or when its student and teacher, or its gallery and teacher or image
/// pipeline, do not belong together.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string models = Directory.CreateTempSubdirectory("api-models-").FullName;

    [Fact]
    public async Task No_connection_string_stops_start_up_naming_the_setting_and_where_to_get_one()
    {
        var message = await StartupFailureAsync(new() { ["GalleryStore:ConnectionString"] = "" });

        Assert.Contains("GalleryStore:ConnectionString is not set", message, StringComparison.Ordinal);
        Assert.Contains("GalleryStore__ConnectionString", message, StringComparison.Ordinal);
        Assert.Contains("scripts/db.sh start", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retirement_whose_replacement_is_not_served_stops_start_up_naming_the_served_models()
    {
        var message = await StartupFailureAsync(new() { ["Models:Retired:student-mnv2-regression"] = "student-mnv2-linear" });

        Assert.Contains("Models:Retired sends 'student-mnv2-regression' to 'student-mnv2-linear', which is not served", message, StringComparison.Ordinal);
        Assert.Contains("teacher-resnet18-gem-int8", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retiring_a_served_model_stops_start_up()
    {
        var message = await StartupFailureAsync(new() { ["Models:Retired:teacher-resnet18-gem-int8"] = "teacher-resnet18-gem-int8" });

        Assert.Contains("Models:Retired names 'teacher-resnet18-gem-int8', which Models:Student or Models:Students still serves", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_fitted_to_another_teacher_file_stops_start_up_with_both_hashes_in_the_message()
    {
        WriteModels(student => student["compatibleWith"]!["teacherSha256"] = new string('0', 64));

        var message = await StartupFailureAsync(new() { ["Models:Directory"] = models });

        Assert.Contains("Refusing to start", message, StringComparison.Ordinal);
        Assert.Contains(new string('0', 64), message, StringComparison.Ordinal);
        Assert.Contains("Models:Student", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_without_a_declared_teacher_stops_start_up()
    {
        WriteModels(student => student.Remove("compatibleWith"));

        var message = await StartupFailureAsync(new() { ["Models:Directory"] = models });

        Assert.Contains("declares no compatibleWith teacher", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_student_manifest_stops_start_up_naming_the_path()
    {
        var message = await StartupFailureAsync(new() { ["Models:Student"] = "student-that-does-not-exist" });

        Assert.Contains("student-that-does-not-exist.manifest.json", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gallery_holding_vectors_of_another_teacher_stops_start_up()
    {
        var schema = ApiFactory.NewSchema();
        await using (var store = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = await TestDatabase.ConnectionStringAsync(), Schema = schema }))
        {
            await store.RegisterModelAsync("teacher-other", 4);
            await store.UpsertAsync("teacher-other", new GalleryItem("x", new string('a', 64), "test", null, new float[] { 1, 0, 0, 0 }));
        }

        var message = await StartupFailureAsync(new() { ["GalleryStore:Schema"] = schema });

        Assert.Contains("'teacher-other' (1 vectors)", message, StringComparison.Ordinal);
        Assert.Contains("teacher-resnet18-gem", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gallery_indexed_with_another_image_pipeline_stops_start_up_naming_both()
    {
        var schema = ApiFactory.NewSchema();
        await using (var store = GalleryStore.Create(new GalleryStoreOptions { ConnectionString = await TestDatabase.ConnectionStringAsync(), Schema = schema }))
        {
            await store.RegisterModelAsync("teacher-resnet18-gem", 512, "imagesharp-bicubic/v0");
        }

        var message = await StartupFailureAsync(new() { ["GalleryStore:Schema"] = schema });

        Assert.Contains("Refusing to start", message, StringComparison.Ordinal);
        Assert.Contains("imagesharp-bicubic/v0", message, StringComparison.Ordinal);
        Assert.Contains(RetrievalService.Embedding.Images.ImagePipeline.Identity, message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(models, recursive: true);

    private void WriteModels(Action<JsonObject> editStudent)
    {
        File.Copy(Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.manifest.json"), Path.Combine(models, "teacher-resnet18-gem.manifest.json"));
        var id = new ModelsOptions().Student;
        var student = JsonNode.Parse(File.ReadAllText(ModelsOptions.ManifestPath(RepoPaths.Models, id)))!.AsObject();
        editStudent(student);
        File.WriteAllText(ModelsOptions.ManifestPath(models, id), student.ToJsonString());
    }

    private static async Task<string> StartupFailureAsync(Dictionary<string, string?> settings)
    {
        // When the host's start fails, WebApplicationFactory can lose the race between disposing the failed host and
        // reading it, and throw ObjectDisposedException instead of the start-up error (seen under load, with the whole
        // suite running). That says nothing about the service, so such an attempt is repeated on a fresh host.
        for (var attempt = 1; ; attempt++)
        {
            await using var factory = await ApiFactory.CreateAsync(settings);
            var error = Record.Exception(() => factory.CreateClient());
            Assert.NotNull(error);
            if (error is ObjectDisposedException && attempt < 3)
            {
                continue;
            }
            var messages = new List<string>();
            for (var e = error; e is not null; e = e.InnerException)
            {
                messages.Add(e.Message);
            }
            return string.Join(" | ", messages);
        }
    }
}

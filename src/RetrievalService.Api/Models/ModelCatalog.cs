using RetrievalService.Api.Configuration;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Indexing.Pipeline;

namespace RetrievalService.Api.Models;

/// <summary>
/// The manifests of the configured teacher and student, checked against each other when the catalog is created
/// (<see cref="ModelCompatibility"/>): a student that does not live in the teacher's space is refused at start-up.
/// </summary>
public sealed class ModelCatalog
{
    /// <summary>DI key of the teacher's embedder, shared with the <see cref="IndexingPipeline"/> so one session serves both.</summary>
    public const string TeacherKey = IndexingPipeline.TeacherKey;

    /// <summary>DI key of the student's embedders.</summary>
    public const string StudentKey = "student";

    private ModelCatalog(string directory, ModelManifest teacher, ModelManifest student)
    {
        Directory = directory;
        Teacher = teacher;
        Student = student;
    }

    /// <summary>The resolved models folder.</summary>
    public string Directory { get; }

    /// <summary>The teacher's manifest.</summary>
    public ModelManifest Teacher { get; }

    /// <summary>The student's manifest.</summary>
    public ModelManifest Student { get; }

    /// <summary>Manifest path of the teacher.</summary>
    public string TeacherManifestPath => ModelsOptions.ManifestPath(Directory, Teacher.Id);

    /// <summary>Manifest path of the student.</summary>
    public string StudentManifestPath => ModelsOptions.ManifestPath(Directory, Student.Id);

    /// <summary>Reads both manifests and checks their roles, dimensions and the student's declared teacher.</summary>
    /// <exception cref="IncompatibleModelsException">A manifest is missing or the pair is incompatible.</exception>
    public static ModelCatalog Load(ModelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = ModelPaths.ResolveDirectory(options.Directory);
        var teacher = Read(directory, options.Teacher, "Models:Teacher");
        var student = Read(directory, options.Student, "Models:Student");
        Check(teacher, student);
        return new ModelCatalog(directory, teacher, student);
    }

    private static void Check(ModelManifest teacher, ModelManifest student)
    {
        if (teacher.Role != ModelRole.Teacher)
        {
            throw new IncompatibleModelsException($"Models:Teacher names '{teacher.Id}', whose manifest has role '{teacher.Role}', not teacher.");
        }
        if (ModelCompatibility.Incompatibility(teacher, student) is { } reason)
        {
            throw new IncompatibleModelsException(
                $"Refusing to start: {reason}. Set Models:Student to a student fitted to '{teacher.Id}' " +
                "(its manifest's compatibleWith must name the teacher's id and sha256), or Models:Teacher to the student's teacher.");
        }
    }

    private static ModelManifest Read(string directory, string id, string setting)
    {
        var path = ModelsOptions.ManifestPath(directory, id);
        if (!File.Exists(path))
        {
            throw new IncompatibleModelsException(
                $"Refusing to start: {setting} is '{id}', but '{path}' does not exist. Build the models (see docs/models.md) or set Models:Directory.");
        }
        var manifest = ModelManifestJson.Load(path);
        if (!string.Equals(manifest.Id, id, StringComparison.Ordinal))
        {
            throw new IncompatibleModelsException($"Refusing to start: '{path}' declares id '{manifest.Id}', not '{id}'.");
        }
        return manifest;
    }
}

using RetrievalService.Api.Configuration;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Indexing.Pipeline;

namespace RetrievalService.Api.Models;

/// <summary>
/// The manifests of the configured teacher and query models, checked against each other when the catalog is created
/// (<see cref="ModelCompatibility"/>): a query model that does not live in the teacher's space is refused at start-up.
/// </summary>
public sealed class ModelCatalog
{
    /// <summary>DI key of the teacher's embedder, shared with the <see cref="IndexingPipeline"/> so one session serves both.</summary>
    public const string TeacherKey = IndexingPipeline.TeacherKey;

    private readonly Dictionary<string, ModelManifest> students;

    private ModelCatalog(string directory, ModelManifest teacher, IReadOnlyList<ModelManifest> students, IReadOnlyDictionary<string, string> retired)
    {
        Directory = directory;
        Teacher = teacher;
        Students = students;
        Retired = retired;
        this.students = students.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The resolved models folder.</summary>
    public string Directory { get; }

    /// <summary>The teacher's manifest.</summary>
    public ModelManifest Teacher { get; }

    /// <summary>The served query models, the default first.</summary>
    public IReadOnlyList<ModelManifest> Students { get; }

    /// <summary>The default query model (<c>Models:Student</c>).</summary>
    public ModelManifest Student => Students[0];

    /// <summary>The served query models' ids, quoted, for messages: <c>'a', 'b'</c>.</summary>
    public string ServedStudents => string.Join(", ", Students.Select(s => $"'{s.Id}'"));

    /// <summary>Retired query model ids and their replacements.</summary>
    public IReadOnlyDictionary<string, string> Retired { get; }

    /// <summary>Manifest path of the teacher.</summary>
    public string TeacherManifestPath => ModelsOptions.ManifestPath(Directory, Teacher.Id);

    /// <summary>Manifest path of the model <paramref name="id"/>.</summary>
    public string ManifestPath(string id) => ModelsOptions.ManifestPath(Directory, id);

    /// <summary>The served query model <paramref name="id"/>; null when it is not served.</summary>
    public ModelManifest? FindStudent(string id) => students.GetValueOrDefault(id);

    /// <summary>Reads every manifest and checks roles, dimensions and each query model's declared teacher.</summary>
    /// <exception cref="IncompatibleModelsException">A manifest is missing, a pair is incompatible, or a retirement names no served model.</exception>
    public static ModelCatalog Load(ModelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = ModelPaths.ResolveDirectory(options.Directory);
        var teacher = Read(directory, options.Teacher, "Models:Teacher");
        if (teacher.Role != ModelRole.Teacher)
        {
            throw new IncompatibleModelsException($"Models:Teacher names '{teacher.Id}', whose manifest has role '{teacher.Role}', not teacher.");
        }
        var students = options.ActiveStudents()
            .Select(id => Read(directory, id, id == options.Student ? "Models:Student" : "Models:Students"))
            .ToList();
        foreach (var student in students)
        {
            Check(teacher, student);
        }
        CheckRetired(options.Retired, students);
        return new ModelCatalog(directory, teacher, students, new Dictionary<string, string>(options.Retired, StringComparer.Ordinal));
    }

    private static void Check(ModelManifest teacher, ModelManifest student)
    {
        if (ModelCompatibility.Incompatibility(teacher, student) is { } reason)
        {
            throw new IncompatibleModelsException(
                $"Refusing to start: {reason}. Set Models:Student (and Models:Students) to students fitted to '{teacher.Id}' " +
                "(their manifests' compatibleWith must name the teacher's id and sha256), or Models:Teacher to the students' teacher.");
        }
    }

    private static void CheckRetired(IReadOnlyDictionary<string, string> retired, IReadOnlyList<ModelManifest> students)
    {
        foreach (var (id, replacement) in retired)
        {
            if (students.Any(s => s.Id == id))
            {
                throw new IncompatibleModelsException($"Refusing to start: Models:Retired names '{id}', which Models:Student or Models:Students still serves.");
            }
            if (!students.Any(s => s.Id == replacement))
            {
                throw new IncompatibleModelsException(
                    $"Refusing to start: Models:Retired sends '{id}' to '{replacement}', which is not served; name one of {string.Join(", ", students.Select(s => s.Id))}.");
            }
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

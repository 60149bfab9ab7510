using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Api.Models;

/// <summary>
/// The manifests of the configured teachers and query models, checked against each other when the catalog is created
/// (<see cref="ModelCompatibility"/>): a query model that does not live in its teacher's space is refused at start-up.
/// Normally one teacher; during a teacher upgrade also the next one (<c>Models:Next</c>) with its own query models.
/// </summary>
public sealed class ModelCatalog
{
    private ModelCatalog(string directory, TeacherModels current, TeacherModels? next, IReadOnlyDictionary<string, string> retired)
    {
        Directory = directory;
        Current = current;
        Next = next;
        Retired = retired;
    }

    /// <summary>The resolved models folder.</summary>
    public string Directory { get; }

    /// <summary><c>Models:Teacher</c> and its query models.</summary>
    public TeacherModels Current { get; }

    /// <summary><c>Models:Next</c>: the teacher a gallery is being rebuilt for, and its query models; null when none.</summary>
    public TeacherModels? Next { get; }

    /// <summary>Every configured teacher with its query models, the current one first.</summary>
    public IEnumerable<TeacherModels> Teachers => Next is null ? [Current] : [Current, Next];

    /// <summary>Retired query model ids and their replacements.</summary>
    public IReadOnlyDictionary<string, string> Retired { get; }

    /// <summary>Manifest path of the model <paramref name="id"/>.</summary>
    public string ManifestPath(string id) => ModelsOptions.ManifestPath(Directory, id);

    /// <summary>The configured query model <paramref name="id"/>, whichever teacher it is fitted to; null when none is.</summary>
    public ModelManifest? FindStudent(string id) => Teachers.Select(t => t.FindStudent(id)).FirstOrDefault(s => s is not null);

    /// <summary>Reads every manifest and checks roles, dimensions and each query model's declared teacher.</summary>
    /// <exception cref="IncompatibleModelsException">A manifest is missing, a pair is incompatible, or a retirement names no served model.</exception>
    public static ModelCatalog Load(ModelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = ModelPaths.ResolveDirectory(options.Directory);
        var current = LoadTeacher(directory, options.Teacher, options.ActiveStudents(), "Models:Teacher", id => id == options.Student ? "Models:Student" : "Models:Students");
        var next = options.Next.IsConfigured ? LoadNext(directory, options.Next, current) : null;
        var catalog = new ModelCatalog(directory, current, next, new Dictionary<string, string>(options.Retired, StringComparer.Ordinal));
        catalog.CheckRetired();
        return catalog;
    }

    private static TeacherModels LoadNext(string directory, NextTeacherOptions options, TeacherModels current)
    {
        if (options.Teacher == current.Teacher.Id)
        {
            throw new IncompatibleModelsException($"Refusing to start: Models:Next:Teacher is '{options.Teacher}', the current teacher; name the teacher being upgraded to, or remove Models:Next.");
        }
        if (options.ActiveStudents().Count == 0)
        {
            throw new IncompatibleModelsException($"Refusing to start: Models:Next:Teacher is '{options.Teacher}' but Models:Next:Student is not set; name the query model for its gallery.");
        }
        foreach (var id in options.ActiveStudents().Prepend(options.Teacher!).Where(id => !ModelsOptions.IsModelId(id)))
        {
            throw new IncompatibleModelsException($"Refusing to start: Models:Next names '{id}', which is not a model id (A-Z a-z 0-9 . _ + @ -).");
        }
        return LoadTeacher(directory, options.Teacher!, options.ActiveStudents(), "Models:Next:Teacher", _ => "Models:Next:Students");
    }

    private static TeacherModels LoadTeacher(string directory, string teacherId, IReadOnlyList<string> studentIds, string teacherSetting, Func<string, string> studentSetting)
    {
        var teacher = Read(directory, teacherId, teacherSetting);
        if (teacher.Role != ModelRole.Teacher)
        {
            throw new IncompatibleModelsException($"{teacherSetting} names '{teacher.Id}', whose manifest has role '{teacher.Role}', not teacher.");
        }
        var students = studentIds.Select(id => Read(directory, id, studentSetting(id))).ToList();
        foreach (var student in students)
        {
            if (ModelCompatibility.Incompatibility(teacher, student) is { } reason)
            {
                throw new IncompatibleModelsException(
                    $"Refusing to start: {reason}. Set {studentSetting(student.Id)} to students fitted to '{teacher.Id}' " +
                    $"(their manifests' compatibleWith must name the teacher's id and sha256), or {teacherSetting} to the students' teacher.");
            }
        }
        return new TeacherModels(teacher, students);
    }

    private void CheckRetired()
    {
        var served = Teachers.SelectMany(t => t.Students).Select(s => s.Id).ToList();
        foreach (var (id, replacement) in Retired)
        {
            if (served.Contains(id))
            {
                throw new IncompatibleModelsException($"Refusing to start: Models:Retired names '{id}', which Models:Student or Models:Students still serves (or Models:Next).");
            }
            if (!served.Contains(replacement))
            {
                throw new IncompatibleModelsException(
                    $"Refusing to start: Models:Retired sends '{id}' to '{replacement}', which is not served; name one of {string.Join(", ", served)}.");
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

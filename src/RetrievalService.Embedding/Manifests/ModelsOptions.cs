using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace RetrievalService.Embedding.Manifests;

/// <summary>
/// Which models run, named by id in one folder, for every host alike: the teacher whose space the gallery lives in (the
/// API and the indexer) and the query-time student (the API).
/// </summary>
public sealed partial class ModelsOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Models";

    private const string IdPattern = "^[A-Za-z0-9._+@-]{1,128}$";

    /// <summary>Folder holding <c>&lt;id&gt;.manifest.json</c> and the ONNX files; relative paths are resolved by <see cref="ModelPaths"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "models";

    /// <summary>Teacher model id: embeds the gallery (and queries in symmetric mode).</summary>
    [Required(AllowEmptyStrings = false), RegularExpression(IdPattern, ErrorMessage = "Models:Teacher must be a model id (A-Z a-z 0-9 . _ + @ -).")]
    public string Teacher { get; set; } = "teacher-resnet18-gem";

    /// <summary>
    /// Query model id: embeds queries in asymmetric mode; its manifest must declare compatibility with the teacher. The
    /// default is the teacher's int8 copy, the best query model on real photographs within a third of the teacher's CPU
    /// time; <c>student-mnv2-regression-int8</c> is the small student for devices and tighter budgets.
    /// </summary>
    [Required(AllowEmptyStrings = false), RegularExpression(IdPattern, ErrorMessage = "Models:Student must be a model id (A-Z a-z 0-9 . _ + @ -).")]
    public string Student { get; set; } = "teacher-resnet18-gem-int8";

    /// <summary>
    /// Every query model the API serves at once (<c>/search?model=&lt;id&gt;</c>), <see cref="Student"/> included; each is
    /// checked against the teacher at start. Empty: <see cref="Student"/> alone. Old app versions keep their model here
    /// while new ones move on, with no re-indexing.
    /// </summary>
    public string[] Students { get; set; } = [];

    /// <summary>
    /// Query models no longer served, each with the id of its replacement: a search naming one is answered 410 Gone with
    /// the replacement, so an old app knows to update rather than to retry.
    /// </summary>
    public Dictionary<string, string> Retired { get; set; } = [];

    /// <summary>
    /// A teacher upgrade in progress: the next teacher, whose gallery is filled while <see cref="Teacher"/>'s answers, and
    /// the query models fitted to it. Empty <see cref="NextTeacherOptions.Teacher"/>: none.
    /// </summary>
    public NextTeacherOptions Next { get; set; } = new();

    /// <summary>The ids of the served query models: <see cref="Student"/> first, then the others of <see cref="Students"/>.</summary>
    public IReadOnlyList<string> ActiveStudents() => DefaultFirst(Student, Students);

    /// <summary>Whether <paramref name="value"/> has the shape of a model id (A-Z a-z 0-9 . _ + @ -, 1..128 characters).</summary>
    public static bool IsModelId(string value) => ModelId().IsMatch(value);

    /// <summary>Manifest path of the model <paramref name="id"/> inside <paramref name="directory"/>.</summary>
    public static string ManifestPath(string directory, string id) => Path.Combine(directory, id + ModelManifestJson.Suffix);

    /// <summary>The teacher's manifest, in the resolved <see cref="Directory"/>.</summary>
    public string TeacherManifestPath() => ManifestPath(ModelPaths.ResolveDirectory(Directory), Teacher);

    /// <summary><paramref name="defaultId"/>, then the other ids of <paramref name="ids"/> once each.</summary>
    internal static IReadOnlyList<string> DefaultFirst(string defaultId, IEnumerable<string> ids) =>
        [defaultId, .. ids.Where(id => !string.Equals(id, defaultId, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(IdPattern)]
    private static partial Regex ModelId();
}

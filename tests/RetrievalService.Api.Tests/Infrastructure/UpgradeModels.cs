using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>
/// A models folder for a teacher upgrade, made from the repository's real models: the current teacher with its int8
/// query model, and a rebuilt teacher (the int8 network declared a teacher of its own, so its vectors differ) with a query
/// model fitted to it. The ONNX files are links to the repository's; the folder is deleted on dispose.
/// </summary>
public sealed class UpgradeModels : IDisposable
{
    public const string Teacher = "teacher-resnet18-gem";
    public const string Student = "teacher-resnet18-gem-int8";
    public const string NextTeacher = "teacher-rebuilt";
    public const string NextStudent = "student-rebuilt";

    public UpgradeModels()
    {
        Directory = Path.Combine(Path.GetTempPath(), "upgrade-models-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        Copy(Read(Teacher));
        var int8 = Copy(Read(Student));
        var next = Copy(int8 with { Id = NextTeacher, Role = ModelRole.Teacher, CompatibleWith = null });
        Copy(Read("student-mnv2-regression-int8") with
        {
            Id = NextStudent,
            CompatibleWith = new TeacherReference { TeacherId = next.Id, TeacherSha256 = next.Sha256 },
        });
    }

    public string Directory { get; }

    /// <summary>Host settings: <see cref="Teacher"/> live, and, when <paramref name="upgrading"/>, <see cref="NextTeacher"/> as Models:Next.</summary>
    public Dictionary<string, string?> Settings(bool upgrading = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Models:Directory"] = Directory,
            ["Models:Teacher"] = Teacher,
            ["Models:Student"] = Student,
            ["Api:Galleries:LiveRefreshMs"] = "100",
            ["Api:Galleries:ProgressRefreshMs"] = "100",
        };
        if (upgrading)
        {
            settings["Models:Next:Teacher"] = NextTeacher;
            settings["Models:Next:Student"] = NextStudent;
        }
        return settings;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static ModelManifest Read(string id) => ModelManifestJson.Load(ModelsOptions.ManifestPath(RepoPaths.Models, id));

    private ModelManifest Copy(ModelManifest manifest)
    {
        var onnx = Path.Combine(Directory, manifest.OnnxFile);
        if (!File.Exists(onnx))
        {
            File.CreateSymbolicLink(onnx, Path.Combine(RepoPaths.Models, manifest.OnnxFile));
        }
        ModelManifestJson.Save(manifest, ModelsOptions.ManifestPath(Directory, manifest.Id));
        return manifest;
    }
}

using System.Reflection;
using RetrievalService.ModelPipeline.Artifacts;

namespace RetrievalService.ModelPipeline.Teacher;

/// <summary>
/// Finds <c>ResNet18.onnx</c> in the NuGet packages folder, where a <c>PackageDownload</c> of
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 put it during restore.
/// </summary>
public static class ResNet18Source
{
    private const string RelativePath = "microsoft.ml.dnnimagefeaturizer.resnet18/0.23.1/tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx";

    /// <summary>Resolves and verifies the file; <paramref name="packageRoot"/> defaults to NUGET_PACKAGES or the restore-time root.</summary>
    public static string Locate(string? packageRoot = null, Assembly? restoredBy = null)
    {
        var candidates = new[]
            {
                packageRoot,
                Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
                RestoreTimeRoot(restoredBy ?? Assembly.GetEntryAssembly()),
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            }
            .Where(root => !string.IsNullOrEmpty(root))
            .Select(root => Path.Combine(root!, RelativePath));
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "ResNet18.onnx not found in the NuGet packages folder. Run `dotnet restore` on the solution " +
                "(src/RetrievalService.ModelTool downloads Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1).");
        FileHashes.Require(path, ResNet18TeacherBuilder.SourceSha256);
        return path;
    }

    private static string? RestoreTimeRoot(Assembly? assembly) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
}

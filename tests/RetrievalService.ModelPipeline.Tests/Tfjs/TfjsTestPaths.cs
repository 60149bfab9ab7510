using RetrievalService.DataSources.Npm;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

/// <summary>Repository-relative inputs of the TFJS tests; a missing download fails the test with the fix.</summary>
internal static class TfjsTestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string GoldenFixture => Path.Combine(RepoRoot, "tests", "RetrievalService.ModelPipeline.Tests", "Fixtures", "tfjs-golden.json");

    /// <summary>The extracted nsfwjs package under <c>data/sources</c>, which <c>scripts/setup.sh</c> fetches.</summary>
    public static string NsfwjsPackageDir()
    {
        var dir = NsfwjsSource.PackageDir(Path.Combine(RepoRoot, "data"));
        if (!File.Exists(Path.Combine(dir, NsfwjsSource.MobileNetV2ModelPath, "model.min.js")))
        {
            Assert.Fail($"nsfwjs {NsfwjsSource.Package.Version} is not downloaded ({dir} is missing). Run scripts/setup.sh first.");
        }
        return dir;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No RetrievalService.sln above {AppContext.BaseDirectory}.");
    }
}

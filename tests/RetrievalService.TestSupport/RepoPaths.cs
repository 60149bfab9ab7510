namespace RetrievalService.TestSupport;

/// <summary>
/// The checkout the tests run from, found by walking up from the test binaries to <c>RetrievalService.sln</c>: tests
/// read the repository's models, photos and docs, which the products themselves never look for.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    public static string Data => Path.Combine(Root, "data");

    /// <summary>The photo pool (Debian packages) that <c>scripts/fetch-photos.sh</c> unpacks.</summary>
    public static string Debs => Path.Combine(Data, "sources", "debs");

    /// <summary><paramref name="path"/> when it exists; a missing one fails the test with the command that makes it.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    public static string RequireFile(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"'{path}' is missing: run `scripts/setup.sh` (it fetches the sources and builds the models).", path);

    /// <summary>A file under <c>models/</c>, required as <see cref="RequireFile"/> does.</summary>
    public static string RequireModel(string fileName) => RequireFile(Path.Combine(Models, fileName));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No RetrievalService.sln above {AppContext.BaseDirectory}: the tests run inside the repository.");
    }
}

using RetrievalService.DataSources.Photos;

namespace RetrievalService.DatasetTool.Tests.Builders;

/// <summary>The real Debian photo pool that <c>scripts/setup.sh</c> (scripts/fetch-photos.sh) unpacks; read once per test run.</summary>
public sealed class PhotoPoolFixture
{
    public PhotoPoolFixture()
    {
        var debs = Path.Combine(FindRoot(), "data", "sources", "debs");
        Assert.True(Directory.Exists(debs), $"'{debs}' is missing: run `scripts/fetch-photos.sh`.");
        Pool = PhotoPool.Enumerate(debs);
    }

    public IReadOnlyList<PoolPhoto> Pool { get; }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetrievalService.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("RetrievalService.sln not found above " + AppContext.BaseDirectory);
    }
}

using RetrievalService.Fuzzing;
using RetrievalService.Fuzzing.Seeds;

namespace RetrievalService.Embedding.Tests.Images.Fuzzing;

/// <summary>The fuzz seeds, re-encoded once per test class from the Debian photo pool that scripts/setup.sh unpacks.</summary>
public sealed class SeedCorpusFixture
{
    public SeedCorpusFixture()
    {
        var debs = SeedPhotos.DefaultDebsDirectory();
        Assert.True(Directory.Exists(debs), $"'{debs}' is missing: run scripts/fetch-photos.sh (scripts/setup.sh runs it).");
        Seeds = SeedCorpus.Build(debs);
    }

    public IReadOnlyList<Seed> Seeds { get; }

    public Seed Named(string name) => Seeds.Single(s => s.Name == name);
}

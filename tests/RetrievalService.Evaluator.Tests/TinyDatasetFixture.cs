using RetrievalService.Evaluation.Tests.Fixtures;
using RetrievalService.Evaluator.Tests.Fixtures;

namespace RetrievalService.Evaluator.Tests;

/// <summary>One <see cref="TinyDataset"/> on disk, shared by the tests of a class; each test uses its own cache folder.</summary>
public sealed class TinyDatasetFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public TinyDatasetFixture()
    {
        TinyDataset.Write(Dataset);
    }

    public string Dataset => folder.Combine("tiny");

    public void Dispose() => folder.Dispose();
}

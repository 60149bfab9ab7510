using TorchSharp;

namespace RetrievalService.Training.Tests.Support;

/// <summary>Pins libtorch to one thread (two shared cores: docs/platform.md#threads-on-two-shared-cores) before any test touches torch.</summary>
internal static class TorchTestSetup
{
    private static readonly Lazy<bool> Once = new(() =>
    {
        torch.set_num_threads(1);
        return true;
    });

    public static void Ensure() => _ = Once.Value;
}

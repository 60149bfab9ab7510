using System.Runtime.InteropServices;
using TorchSharp;

namespace RetrievalService.Training.Runtime;

/// <summary>Process-wide libtorch settings for a training run.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Pins libtorch's intra-op threads (2 shared cores: docs/platform.md#threads-on-two-shared-cores) and turns NNPACK off. NNPACK cannot
    /// initialise on these CPUs anyway, and libtorch 2.10 logs "Could not initialize NNPACK" to stderr on every
    /// convolution that asks for it (about 150 lines per image), burying the progress display.
    /// </summary>
    public static void Configure(int threads)
    {
        torch.set_num_threads(threads);
        try
        {
            // TorchSharp does not wrap at::globalContext().setUserEnabledNNPACK(false) (PyTorch's
            // torch.backends.nnpack.set_flags); call it through the Itanium C++ ABI, `this` first.
            SetUserEnabledNnpack(GlobalContext(), false);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Only cosmetic: without the switch the warnings stay, the results do not change.
        }
    }

    // DllImport, not LibraryImport: the generated stubs would need unsafe code for two calls made once.
    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}

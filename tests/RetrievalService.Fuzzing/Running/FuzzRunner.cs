using System.Diagnostics;
using RetrievalService.Embedding.Images;

namespace RetrievalService.Fuzzing.Running;

/// <summary>The code under test: decode and prepare <paramref name="bytes"/>, disposing whatever it produced.</summary>
public delegate void DecodeTarget(ReadOnlyMemory<byte> bytes);

/// <summary>Runs one mutant through a <see cref="DecodeTarget"/> on the calling thread and measures it.</summary>
public sealed class FuzzRunner(DecodeTarget target, bool measureResidentMemory = false)
{
    public InputResult Run(Mutant mutant)
    {
        var rssBefore = measureResidentMemory ? ResidentMemory.ResetPeak() : null;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var (outcome, detail, message) = Classify(mutant.Bytes);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var peak = rssBefore is null ? null : ResidentMemory.Peak();
        return new InputResult(mutant.Index, mutant.Label, mutant.Bytes.Length, outcome, detail, message,
            watch.Elapsed.TotalMilliseconds, allocated, peak - rssBefore, peak);
    }

    private (Outcome, string, string?) Classify(byte[] bytes)
    {
        try
        {
            target(bytes);
            return (Outcome.Decoded, "ok", null);
        }
        catch (ImageRejectedException e)
        {
            return (Outcome.Rejected, e.Reason.ToString(), null);
        }
        catch (Exception e)
        {
            // Anything but a rejection is a bug, OperationCanceledException included: nothing here cancels.
            return (Outcome.Failed, e.GetType().FullName ?? e.GetType().Name, Flatten(e.ToString()));
        }
    }

    private static string Flatten(string text) => text.ReplaceLineEndings(" ⏎ ").Replace('\t', ' ');
}

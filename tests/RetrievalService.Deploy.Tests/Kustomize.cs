using System.ComponentModel;
using System.Diagnostics;

namespace RetrievalService.Deploy.Tests;

/// <summary>Runs <c>kubectl kustomize</c> on a folder, as <c>kubectl apply -k</c> would before sending anything.</summary>
internal static class Kustomize
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The exit code, the rendered YAML and the error output.</summary>
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static Result Render(string folder)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("kubectl is not on the PATH: run scripts/install-kubectl.sh.", e);
        }
        using (process)
        {
            // Both pipes read at once, so that neither fills and blocks the child.
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl kustomize {folder} ran over {Timeout.TotalSeconds} s.");
            }
            return new Result(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
        }
    }
}

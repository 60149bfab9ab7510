namespace RetrievalService.Deploy.Tests;

/// <summary><c>deploy/kubernetes</c> rendered once for a test class, as <c>kubectl apply -k</c> would send it.</summary>
public sealed class RenderedDeployment
{
    private readonly Lazy<Manifests> _manifests;

    public RenderedDeployment()
    {
        Folder = Path.Combine(RepoPaths.Root, "deploy", "kubernetes");
        Result = Kustomize.Render(Folder);
        _manifests = new Lazy<Manifests>(() => Result.ExitCode == 0
            ? Manifests.Parse(Result.Output)
            : throw new InvalidOperationException($"kubectl kustomize exited {Result.ExitCode}:\n{Result.Errors}"));
    }

    public string Folder { get; }

    internal Kustomize.Result Result { get; }

    internal Manifests Manifests => _manifests.Value;
}

using static RetrievalService.Deploy.Tests.Manifests;

namespace RetrievalService.Deploy.Tests;

/// <summary>The folder renders with kubectl's kustomize, and what it renders is complete enough to schedule.</summary>
public sealed class RenderTests(RenderedDeployment rendered) : IClassFixture<RenderedDeployment>
{
    [Fact]
    public void Kubectl_kustomize_renders_the_folder_without_error()
    {
        Assert.True(rendered.Result.ExitCode == 0, $"kubectl kustomize {rendered.Folder}: {rendered.Result.Errors}");
        Assert.NotEmpty(rendered.Manifests.Documents);
    }

    [Fact]
    public void Every_rendered_object_but_the_namespace_lands_in_the_retrieval_namespace()
    {
        var outside = rendered.Manifests.Documents
            .Where(d => Text(d, "kind") != "Namespace" && Text(d, "metadata", "namespace") != "retrieval")
            .Select(d => $"{Text(d, "kind")} {Text(d, "metadata", "name")}");
        Assert.Empty(outside);
    }

    [Fact]
    public void Every_container_requests_and_limits_cpu_and_memory()
    {
        var workloads = rendered.Manifests.Documents.Where(d => Text(d, "kind") is "Deployment" or "Job").ToList();
        Assert.NotEmpty(workloads);
        var missing = (
            from workload in workloads
            from container in Containers(workload)
            from bound in new[] { "requests", "limits" }
            from resource in new[] { "cpu", "memory" }
            where Text(container, "resources", bound, resource) is null
            select $"{Text(workload, "metadata", "name")}/{Text(container, "name")}: no {bound}.{resource}").ToList();
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void No_password_is_written_in_a_config_map()
    {
        var configs = rendered.Manifests.Documents.Where(d => Text(d, "kind") == "ConfigMap").ToList();
        Assert.NotEmpty(configs);
        Assert.All(configs, c => Assert.DoesNotContain("password", c.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}

using System.Globalization;
using static RetrievalService.Deploy.Tests.Manifests;

namespace RetrievalService.Deploy.Tests;

/// <summary>The API's Deployment, Service, autoscaler and disruption budget as rendered.</summary>
public sealed class ApiManifestTests(RenderedDeployment rendered) : IClassFixture<RenderedDeployment>
{
    // Measured resident memory of an idle API with its models (411-417 MiB): docs/results/security/README.md#c-memory.
    private const int BaselineMb = 420;

    [Fact]
    public void The_API_writes_to_the_primary_and_searches_on_the_replicas_with_the_CloudNativePG_credentials()
    {
        var env = Env.Of(ApiContainer());
        ConnectionStrings.AssertBuiltFromClusterSecret(env, "GalleryStore__ConnectionString", "retrieval-db-rw");
        ConnectionStrings.AssertBuiltFromClusterSecret(env, "GalleryStore__ReadConnectionString", "retrieval-db-ro");
    }

    [Fact]
    public void The_API_has_startup_liveness_and_readiness_probes_on_its_health_endpoints()
    {
        var api = ApiContainer();
        Assert.Equal("/health/live", Text(api, "startupProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(api, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/health/ready", Text(api, "readinessProbe", "httpGet", "path"));
    }

    [Fact]
    public void A_configuration_change_rolls_the_pods_because_they_read_a_ConfigMap_named_by_its_content()
    {
        var config = Text(rendered.Manifests.Generated("ConfigMap", "retrieval-config"), "metadata", "name");
        var job = rendered.Manifests.Single("Job", "retrieval-indexer");

        foreach (var container in new[] { ApiContainer(), Container(job, "indexer") })
        {
            Assert.Equal(config, Text(Items(container, "envFrom").Single(), "configMapRef", "name"));
        }
    }

    [Fact]
    public void The_memory_limit_holds_the_configured_budget_and_the_request_the_measured_baseline()
    {
        var api = ApiContainer();
        var config = rendered.Manifests.Generated("ConfigMap", "retrieval-config");
        var budget = int.Parse(Text(config, "data", "Api__Limits__MemoryBudgetMb")!, CultureInfo.InvariantCulture);
        Assert.True(budget < Quantity.MiB(Text(api, "resources", "limits", "memory")), "the budget must fit under the limit");
        Assert.True(Quantity.MiB(Text(api, "resources", "requests", "memory")) > BaselineMb, "the request must hold the idle API");
    }

    [Fact]
    public void The_service_the_autoscaler_and_the_disruption_budget_all_select_the_API()
    {
        var labels = At(rendered.Manifests.Single("Deployment", "retrieval-api"), "spec", "template", "metadata", "labels")!.ToString();
        Assert.Equal(labels, At(rendered.Manifests.Single("Service", "retrieval-api"), "spec", "selector")!.ToString());
        Assert.Equal(labels, At(rendered.Manifests.Single("PodDisruptionBudget", "retrieval-api"), "spec", "selector", "matchLabels")!.ToString());

        var hpa = rendered.Manifests.Single("HorizontalPodAutoscaler", "retrieval-api");
        Assert.Equal("autoscaling/v2", Text(hpa, "apiVersion"));
        Assert.Equal("retrieval-api", Text(hpa, "spec", "scaleTargetRef", "name"));
        Assert.Equal("2", Text(hpa, "spec", "minReplicas"));
        Assert.Equal("cpu", Text(Items(hpa, "spec", "metrics").Single(), "resource", "name"));
    }

    [Fact]
    public void The_deployment_leaves_the_replica_count_to_the_autoscaler()
    {
        Assert.Null(At(rendered.Manifests.Single("Deployment", "retrieval-api"), "spec", "replicas"));
    }

    private YamlDotNet.RepresentationModel.YamlMappingNode ApiContainer() =>
        Container(rendered.Manifests.Single("Deployment", "retrieval-api"), "api");
}

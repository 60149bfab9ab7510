using static RetrievalService.Deploy.Tests.Manifests;

namespace RetrievalService.Deploy.Tests;

/// <summary>The gallery's PostgreSQL is a CloudNativePG cluster that kustomize passes through unchanged.</summary>
public sealed class DatabaseManifestTests(RenderedDeployment rendered) : IClassFixture<RenderedDeployment>
{
    [Fact]
    public void The_database_is_a_CloudNativePG_cluster_of_one_primary_and_two_replicas()
    {
        var cluster = rendered.Manifests.Single("Cluster", "retrieval-db");
        Assert.Equal("postgresql.cnpg.io/v1", Text(cluster, "apiVersion"));
        Assert.Equal("3", Text(cluster, "spec", "instances"));
        Assert.NotNull(Text(cluster, "spec", "storage", "size"));
        Assert.Equal(Text(cluster, "spec", "resources", "limits", "memory"), Text(cluster, "spec", "resources", "requests", "memory"));
    }

    [Fact]
    public void The_cluster_runs_an_image_with_pgvector_and_creates_the_extension_in_the_gallery_database()
    {
        var cluster = rendered.Manifests.Single("Cluster", "retrieval-db");
        // CloudNativePG's "standard" images carry pgvector; "minimal" ones do not.
        Assert.Matches(@"^ghcr\.io/cloudnative-pg/postgresql:\d+\.\d+-standard-", Text(cluster, "spec", "imageName"));
        Assert.Equal("retrieval", Text(cluster, "spec", "bootstrap", "initdb", "database"));
        Assert.Equal("retrieval", Text(cluster, "spec", "bootstrap", "initdb", "owner"));
        var sql = At(cluster, "spec", "bootstrap", "initdb", "postInitApplicationSQL")?.ToString() ?? "";
        Assert.Contains("CREATE EXTENSION IF NOT EXISTS vector", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cluster_is_tuned_for_building_hnsw_indexes()
    {
        var cluster = rendered.Manifests.Single("Cluster", "retrieval-db");
        foreach (var parameter in new[] { "shared_buffers", "maintenance_work_mem", "max_parallel_maintenance_workers" })
        {
            Assert.NotNull(Text(cluster, "spec", "postgresql", "parameters", parameter));
        }
    }
}

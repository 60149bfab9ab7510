using static RetrievalService.Deploy.Tests.Manifests;

namespace RetrievalService.Deploy.Tests;

/// <summary>The bulk indexer is a sharded Indexed Job that writes to the primary.</summary>
public sealed class IndexerManifestTests(RenderedDeployment rendered) : IClassFixture<RenderedDeployment>
{
    [Fact]
    public void The_indexer_is_an_Indexed_Job_with_one_shard_per_completion()
    {
        var job = rendered.Manifests.Single("Job", "retrieval-indexer");
        Assert.Equal("Indexed", Text(job, "spec", "completionMode"));
        var env = Env.Of(Container(job, "indexer"));
        Assert.Equal(Text(job, "spec", "completions"), Env.Named(env, "INDEXER_SHARDS").Value);
    }

    [Fact]
    public void The_indexer_writes_to_the_primary_with_the_CloudNativePG_owner_credentials()
    {
        var env = Env.Of(Container(rendered.Manifests.Single("Job", "retrieval-indexer"), "indexer"));
        ConnectionStrings.AssertBuiltFromClusterSecret(env, "GalleryStore__ConnectionString", "retrieval-db-rw");
    }

    [Fact]
    public void The_shards_wait_for_the_primary_before_they_start()
    {
        var wait = Container(rendered.Manifests.Single("Job", "retrieval-indexer"), "wait-for-database");
        Assert.Contains("pg_isready", At(wait, "command")!.ToString(), StringComparison.Ordinal);
        Assert.Contains("retrieval-db-rw", At(wait, "command")!.ToString(), StringComparison.Ordinal);
        // The pod's uid has no passwd entry: without a user named, pg_isready never asks the server.
        Assert.Contains("-U retrieval", At(wait, "command")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_that_rejected_some_files_succeeds_instead_of_being_retried_as_failed()
    {
        var command = At(Container(rendered.Manifests.Single("Job", "retrieval-indexer"), "indexer"), "command")!.ToString();
        Assert.Contains("--accept-rejected", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_shards_are_retried_in_new_pods_so_that_the_per_shard_limit_counts()
    {
        var job = rendered.Manifests.Single("Job", "retrieval-indexer");
        Assert.NotNull(Text(job, "spec", "backoffLimitPerIndex"));
        Assert.Equal("Never", Text(job, "spec", "template", "spec", "restartPolicy"));
    }
}

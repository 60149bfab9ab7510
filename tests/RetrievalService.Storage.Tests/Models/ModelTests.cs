using RetrievalService.Storage.Errors;
using RetrievalService.Storage.Model;
using RetrievalService.Storage.Tests.Infrastructure;
using static RetrievalService.Storage.Tests.Infrastructure.TestItems;

namespace RetrievalService.Storage.Tests.Models;

public sealed class ModelTests
{
    [Fact]
    public async Task A_vector_of_the_wrong_dimension_is_rejected_on_upsert_bulk_upsert_and_search()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync("teacher-512", 512);

        var upsert = await Assert.ThrowsAsync<DimensionMismatchException>(() => gallery.Store.UpsertAsync("teacher-512", Item("a", Unit(256, 0))));
        await Assert.ThrowsAsync<DimensionMismatchException>(() => gallery.Store.UpsertManyAsync("teacher-512", [Item("a", Unit(513, 0))]));
        await Assert.ThrowsAsync<DimensionMismatchException>(() => gallery.Store.SearchAsync(new SearchRequest("teacher-512", Unit(128, 0), 5)));

        Assert.Equal((512, 256), (upsert.Expected, upsert.Actual));
        Assert.Contains("teacher-512", upsert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_model_again_is_idempotent_but_another_dimension_is_a_mismatch()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await using var peer = gallery.CreatePeer();

        var registered = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => (i % 2 == 0 ? gallery.Store : peer).RegisterModelAsync("teacher-a", 64))));
        await using var fresh = gallery.CreatePeer();

        Assert.Single(registered.Distinct());
        await Assert.ThrowsAsync<DimensionMismatchException>(() => fresh.RegisterModelAsync("teacher-a", 128));
        Assert.Single(await fresh.GetModelsAsync());
    }

    [Fact]
    public async Task A_gallery_records_its_image_pipeline_and_refuses_another_even_from_a_fresh_store()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        var registered = await gallery.Store.RegisterModelAsync("teacher-a", 8, "pipeline/v1");
        await using var fresh = gallery.CreatePeer();

        var again = await fresh.RegisterModelAsync("teacher-a", 8, "pipeline/v1");
        var error = await Assert.ThrowsAsync<PreprocessingMismatchException>(() => fresh.RegisterModelAsync("teacher-a", 8, "pipeline/v2"));

        Assert.Equal(("pipeline/v1", "pipeline/v1"), (registered.Preprocessing, again.Preprocessing));
        Assert.Equal(("teacher-a", "pipeline/v1", "pipeline/v2"), (error.ModelId, error.Stored, error.Requested));
        Assert.Contains("re-index", error.Message, StringComparison.Ordinal);
        Assert.Equal("pipeline/v1", (await fresh.GetModelsAsync()).Single().Preprocessing);
    }

    [Fact]
    public async Task A_gallery_registered_before_pipelines_were_recorded_adopts_the_first_one_named()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync("teacher-a", 8);
        await using var fresh = gallery.CreatePeer();

        var adopted = await fresh.RegisterModelAsync("teacher-a", 8, "pipeline/v1");
        await using var later = gallery.CreatePeer();

        Assert.Equal("pipeline/v1", adopted.Preprocessing);
        Assert.Equal("pipeline/v1", (await later.FindModelAsync("teacher-a"))!.Preprocessing);
        await Assert.ThrowsAsync<PreprocessingMismatchException>(() => later.RegisterModelAsync("teacher-a", 8, "pipeline/v2"));
    }

    [Fact]
    public async Task Operations_on_an_unregistered_model_fail_with_unknown_model()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();

        var error = await Assert.ThrowsAsync<UnknownModelException>(() => gallery.Store.SearchAsync(new SearchRequest("nobody", Unit(4, 0), 5)));
        await Assert.ThrowsAsync<UnknownModelException>(() => gallery.Store.UpsertAsync("nobody", Item("a", Unit(4, 0))));
        await Assert.ThrowsAsync<UnknownModelException>(() => gallery.Store.CountAsync("nobody"));

        Assert.Equal("nobody", error.ModelId);
    }

    [Fact]
    public async Task Vectors_of_two_models_are_never_mixed()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        await gallery.Store.RegisterModelAsync("teacher-a", 8);
        await gallery.Store.RegisterModelAsync("teacher-b", 8);
        await gallery.Store.UpsertManyAsync("teacher-a", [Item("same-id", Unit(8, 0)), Item("only-a", Unit(8, 1))]);
        await gallery.Store.UpsertManyAsync("teacher-b", [Item("same-id", Unit(8, 2))]);

        var fromB = await gallery.Store.SearchAsync(new SearchRequest("teacher-b", Unit(8, 1), 10));

        Assert.Equal(["same-id"], fromB.Select(h => h.Id));
        Assert.Equal(Unit(8, 2), (await gallery.Store.GetAsync("teacher-b", "same-id"))!.Embedding);
        Assert.Null(await gallery.Store.GetAsync("teacher-b", "only-a"));
        Assert.Equal((2L, 1L), (await gallery.Store.CountAsync("teacher-a"), await gallery.Store.CountAsync("teacher-b")));
        Assert.Equal("teacher-a", (await gallery.Store.GetAsync("teacher-a", "same-id"))!.ModelId);
    }

    [Fact]
    public async Task A_2048_d_model_is_stored_as_halfvec_and_searched_like_the_exact_computation()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();
        var model = await gallery.Store.RegisterModelAsync("teacher-r101-gem", 2048);
        var all = ClusteredVectors.Generate(810, 2048, clusters: 20, seed: 5);
        var items = TestItems.FromVectors(all[..800], "h-");
        await gallery.Store.UpsertManyAsync(model.ModelId, items);
        // The reference uses the half-precision values the database holds.
        var stored = items.Select(i => (i.Id, Array.ConvertAll(i.Embedding.ToArray(), x => (float)(Half)x))).ToList();

        var recalls = new List<double>();
        foreach (var query in all[800..])
        {
            var expected = ExactSearch.TopK(stored, query, 10).Select(e => e.Id).ToList();
            var exact = await gallery.Store.SearchAsync(new SearchRequest(model.ModelId, query, 10) { Exact = true });
            var hnsw = await gallery.Store.SearchAsync(new SearchRequest(model.ModelId, query, 10));
            Assert.Equal(expected, exact.Select(h => h.Id));
            recalls.Add(ExactSearch.Recall(expected, hnsw.Select(h => h.Id)));
        }

        Assert.Equal(VectorKind.HalfVector, model.Kind);
        Assert.Equal("halfvec", await gallery.ScalarAsync($"SELECT vector_type FROM models WHERE model_id = 'teacher-r101-gem'"));
        Assert.True(recalls.Average() >= 0.95, $"HNSW recall@10 on halfvec was {recalls.Average():F3}");
        var roundTrip = (await gallery.Store.GetAsync(model.ModelId, "h-00007"))!.Embedding;
        Assert.All(roundTrip.Zip(all[7]), p => Assert.Equal(p.Second, p.First, 0.002f));
        // Query expansion reads the hits' vectors back: the half-precision values, widened to float.
        var withVectors = await gallery.Store.SearchAsync(new SearchRequest(model.ModelId, all[800], 3) { IncludeEmbeddings = true });
        var halves = stored.ToDictionary(s => s.Id, s => s.Item2);
        Assert.All(withVectors, hit => Assert.Equal(halves[hit.Id], hit.Embedding));
    }

    [Theory]
    [InlineData(2000, VectorKind.Vector)]
    [InlineData(2001, VectorKind.HalfVector)]
    [InlineData(4000, VectorKind.HalfVector)]
    public void The_column_type_follows_pgvector_index_limits(int dimension, VectorKind kind) =>
        Assert.Equal(kind, GalleryModel.KindFor(dimension));

    [Fact]
    public async Task A_model_over_4000_dimensions_is_refused()
    {
        await using var gallery = await DatabaseFixture.CreateGalleryAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => gallery.Store.RegisterModelAsync("too-wide", 4096));
    }
}

using RetrievalService.DatasetTool.Pairs;
using RetrievalService.DatasetTool.PhotoViews;
using RetrievalService.DatasetTool.Sources;

namespace RetrievalService.DatasetTool.Tests.Builders;

/// <summary>Plans (no rendering) on the real pool: fast, and catches a package layout that moved.</summary>
public sealed class RealPoolBuilderTests(PhotoPoolFixture fixture) : IClassFixture<PhotoPoolFixture>
{
    [Fact]
    public void Every_catalogued_pair_is_found_and_each_query_has_exactly_one_easy_positive()
    {
        var (images, _) = PoolImage.Identify(fixture.Pool);

        var plan = PairsBuilder.Plan(images, PoolNames.Create(fixture.Pool));

        Assert.Empty(plan.Truth.Problems());
        Assert.Equal(PairCatalog.Pairs.Count, plan.Truth.QimList.Count);
        Assert.All(plan.Truth.Gnd, g => Assert.Single(g.Easy));
        Assert.All(plan.Truth.Gnd, g => Assert.Empty(g.Hard));
    }

    [Fact]
    public void Photoviews_test_instances_come_only_from_held_out_packages_and_train_never_uses_pair_images()
    {
        var (photos, _) = PhotoViewsSources.Select(fixture.Pool, PairCatalog.AllKeys(fixture.Pool));
        var pairKeys = PairCatalog.AllKeys(fixture.Pool);

        Assert.Contains(photos, p => p.Photo.HeldOut);
        Assert.All(photos.Where(p => p.Photo.HeldOut), p => Assert.NotEqual("mrpt-common", p.Photo.Package));
        Assert.DoesNotContain(photos, p => pairKeys.Contains(p.Photo.Key));
        Assert.Equal(photos.Count, photos.Select(p => p.Instance).Distinct().Count());
    }
}

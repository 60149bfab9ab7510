using RetrievalService.DatasetTool.Geometry;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>The gallery and query views of one photo, drawn from streams seeded by the build seed and the instance id.</summary>
public sealed record PhotoPlan(SourcePhoto Source, IReadOnlyList<ViewSpec> Gallery, IReadOnlyList<ViewSpec> Queries)
{
    // A query must have a positive; the whole-photo view usually is one, but shrunken rotated queries may not be.
    private const int QueryAttempts = 100;

    /// <summary>Draws the views; names are <c>gallery/&lt;instance&gt;/NN.jpg</c> and <c>queries/&lt;instance&gt;/N.jpg</c>.</summary>
    public static PhotoPlan Create(SourcePhoto photo, int seed, PhotoViewsSettings settings)
    {
        var (w, h) = (photo.Width, photo.Height);
        var galleryRandom = Seeds.For(seed, "photoviews", photo.Instance, "gallery");
        var gallery = new List<ViewSpec> { ViewSampler.Whole(galleryRandom, GalleryName(photo, 0), w, h, settings.Gallery) };
        for (var i = 1; i < settings.GalleryViews; i++)
        {
            gallery.Add(ViewSampler.Region(galleryRandom, GalleryName(photo, i), w, h, settings.Gallery));
        }
        var queryRandom = Seeds.For(seed, "photoviews", photo.Instance, "queries");
        var queries = Enumerable.Range(0, settings.Queries).Select(q => DrawQuery(queryRandom, photo, q, gallery, settings.Query)).ToList();
        return new PhotoPlan(photo, gallery, queries);
    }

    private static ViewSpec DrawQuery(Random random, SourcePhoto photo, int index, IReadOnlyList<ViewSpec> gallery, ViewDistribution d)
    {
        var name = $"queries/{photo.Instance}/{index}.jpg";
        for (var attempt = 0; attempt < QueryAttempts; attempt++)
        {
            var query = ViewSampler.Region(random, name, photo.Width, photo.Height, d);
            if (gallery.Any(g => OverlapRule.Classify(query.Region, g.Region) is Relevance.Easy or Relevance.Hard))
            {
                return query;
            }
        }
        throw new InvalidOperationException($"{photo.Instance}: no query view with a positive in {QueryAttempts} draws; add gallery views.");
    }

    private static string GalleryName(SourcePhoto photo, int index) => $"gallery/{photo.Instance}/{index:00}.jpg";
}

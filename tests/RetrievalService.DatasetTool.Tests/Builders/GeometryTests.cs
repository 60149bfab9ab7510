using RetrievalService.DatasetTool.Geometry;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class GeometryTests
{
    [Fact]
    public void Homography_sends_each_source_corner_to_its_target_corner()
    {
        PointD[] source = [new(10, 20), new(300, 5), new(320, 250), new(0, 200)];
        PointD[] target = [new(0, 0), new(512, 0), new(512, 384), new(0, 384)];

        var h = Homography.FromCorners(source, target);

        for (var i = 0; i < 4; i++)
        {
            var mapped = Homography.Apply(h, source[i]);
            Assert.Equal(target[i].X, mapped.X, 6);
            Assert.Equal(target[i].Y, mapped.Y, 6);
        }
    }

    [Fact]
    public void Intersection_of_disjoint_quads_is_empty() =>
        Assert.Equal(0, ConvexPolygons.IntersectionArea(Quad.FromRectangle(0, 0, 1, 1).Corners, Quad.FromRectangle(2, 2, 1, 1).Corners));

    [Fact]
    public void Intersection_does_not_depend_on_the_winding_of_either_polygon()
    {
        var a = Quad.FromRectangle(0, 0, 4, 4).Corners;
        var b = Quad.FromRectangle(2, 1, 4, 2).Corners;

        Assert.Equal(4, ConvexPolygons.IntersectionArea(a, b), 12);
        Assert.Equal(4, ConvexPolygons.IntersectionArea([.. a.Reverse()], b), 12);
        Assert.Equal(4, ConvexPolygons.IntersectionArea(a, [.. b.Reverse()]), 12);
    }

    [Fact]
    public void A_quad_larger_than_the_photo_is_shrunk_and_moved_inside_it()
    {
        var quad = Quad.FromRectangle(-50, 20, 300, 100).FitInside(200, 100);

        var (left, top, right, bottom) = quad.Bounds;
        Assert.True(left >= 0 && top >= 0 && right <= 200 + 1e-9 && bottom <= 100 + 1e-9);
        Assert.Equal(200, right - left, 9);
    }
}

namespace RetrievalService.Evaluation.Datasets;

/// <summary>A query's region of interest in pixels of the original image, as revisitop writes it: x1, y1, x2, y2.</summary>
public sealed record BoundingBox(double X1, double Y1, double X2, double Y2)
{
    /// <summary>Builds a box from the four numbers of a <c>bbx</c> entry; <c>null</c> when the list is not four long.</summary>
    public static BoundingBox? FromList(IReadOnlyList<double> values) =>
        values.Count == 4 ? new BoundingBox(values[0], values[1], values[2], values[3]) : null;

    /// <summary>The four numbers in file order.</summary>
    public double[] ToArray() => [X1, Y1, X2, Y2];
}

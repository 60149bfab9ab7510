namespace RetrievalService.DatasetTool.Output;

/// <summary>
/// Images produced together (e.g. every view of one decoded photo), named relative to the split folder.
/// <paramref name="Render"/> must return one encoded image per name, in the same order.
/// </summary>
public sealed record ImageJob(IReadOnlyList<string> Names, Func<IReadOnlyList<byte[]>> Render)
{
    /// <summary>A job for one image.</summary>
    public static ImageJob Single(string name, Func<byte[]> render) => new([name], () => [render()]);
}

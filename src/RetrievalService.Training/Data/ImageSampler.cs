namespace RetrievalService.Training.Data;

/// <summary>
/// Draws an epoch's unlabelled images for the label-free losses (regression, RKD): every query and gallery image
/// of the training split, in shuffled rounds so each is used once before any repeats.
/// </summary>
public sealed class ImageSampler(int queryCount, int galleryCount)
{
    private readonly SplitImage[] images =
    [
        .. Enumerable.Range(0, queryCount).Select(SplitImage.Query),
        .. Enumerable.Range(0, galleryCount).Select(SplitImage.Gallery),
    ];

    /// <summary>Number of images to draw from.</summary>
    public int Count => images.Length;

    /// <summary><paramref name="count"/> images drawn with <paramref name="random"/>.</summary>
    public IReadOnlyList<SplitImage> Draw(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(random);
        if (images.Length == 0)
        {
            throw new InvalidOperationException("The training split has no images.");
        }
        var drawn = new List<SplitImage>(count);
        while (drawn.Count < count)
        {
            var round = images.ToArray();
            random.Shuffle(round);
            drawn.AddRange(round.Take(count - drawn.Count));
        }
        return drawn;
    }
}

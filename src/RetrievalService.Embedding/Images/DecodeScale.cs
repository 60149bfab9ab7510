namespace RetrievalService.Embedding.Images;

/// <summary>
/// Picks the reduction a scalable decoder applies while decoding. Only 1/8, 1/4 and 1/2 are offered: they are
/// libjpeg-turbo's SIMD paths (1/8 is each 8×8 block's mean, read from its DC coefficient alone), and libwebp's
/// rescaler averages areas at the same ratios, so either is a smoothing prefilter for the bicubic resize after it.
/// </summary>
internal static class DecodeScale
{
    private static readonly float[] Candidates = [1f / 8, 1f / 4, 1f / 2];

    /// <summary>
    /// The smallest candidate at least <paramref name="minimumScale"/>, or 1 (no reduction). A raster reduced by
    /// it still covers the requested side, so the resize only ever shrinks it further.
    /// </summary>
    public static float Choose(double minimumScale) =>
        Candidates.FirstOrDefault(c => c >= minimumScale, 1f);
}

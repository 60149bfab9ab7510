namespace RetrievalService.Embedding.Images;

/// <summary>
/// Flattens transparency onto a fixed background. The models see RGB only, so what a transparent pixel
/// becomes must be a property of the model (its manifest), not of whichever encoder produced the file.
/// </summary>
public static class AlphaCompositor
{
    /// <summary>
    /// Blends one unpremultiplied channel value: <c>(c·a + b·(255 − a) + 127) / 255</c> in integers, which is exact
    /// for a = 0 and a = 255 and rounds to nearest otherwise.
    /// </summary>
    public static byte Blend(byte colour, byte background, byte alpha) =>
        (byte)((colour * alpha + background * (255 - alpha) + 127) / 255);

    /// <summary>Reads the manifest's <c>[R, G, B]</c> background.</summary>
    public static RgbColor Background(IReadOnlyList<byte> rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Count != 3)
        {
            throw new ArgumentException($"An alpha background needs exactly 3 bytes (R, G, B), got {rgb.Count}.", nameof(rgb));
        }
        return new RgbColor(rgb[0], rgb[1], rgb[2]);
    }
}

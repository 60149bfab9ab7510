using System.Security.Cryptography;
using System.Text;
using RetrievalService.Embedding.Images;

namespace RetrievalService.ModelPipeline.Photos;

/// <summary>
/// Deterministic views of a photo for fitting and evaluation: view 0 is the whole image, the others are
/// random crops (25–100 % of the area, aspect 3:4–4:3) drawn from a generator seeded by the photo's key,
/// so every machine derives the same views from the same pool.
/// </summary>
public static class PhotoViews
{
    public static IReadOnlyList<PixelRect> Create(string photoKey, int width, int height, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(Seed(photoKey));
        var views = new List<PixelRect> { new(0, 0, width, height) };
        while (views.Count < count)
        {
            var area = width * (double)height * (0.25 + 0.75 * random.NextDouble());
            var aspect = Math.Exp(Math.Log(0.75) + (Math.Log(4.0 / 3) - Math.Log(0.75)) * random.NextDouble());
            var cropWidth = (int)Math.Clamp(Math.Round(Math.Sqrt(area * aspect)), 1, width);
            var cropHeight = (int)Math.Clamp(Math.Round(Math.Sqrt(area / aspect)), 1, height);
            views.Add(new PixelRect(random.Next(width - cropWidth + 1), random.Next(height - cropHeight + 1), cropWidth, cropHeight));
        }
        return views;
    }

    // string.GetHashCode is randomised per process; a content hash is stable everywhere.
    private static int Seed(string key) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Evaluation.Datasets;
using RetrievalService.Evaluation.Extraction;

namespace RetrievalService.Evaluation.Caching;

/// <summary>
/// Identity of a set of embeddings: model SHA-256, the image pipeline's identity, which side, extraction settings, and every image's path
/// relative to the dataset, byte size, last-write time and crop box. Any change to one of those is a new key;
/// renaming or moving the dataset folder as a whole is not.
/// </summary>
public sealed record EmbeddingCacheKey(string Hash, string Label)
{
    // Bump when the cached bytes would change for the same inputs (e.g. a new resampler or crop rule).
    private const int FormatVersion = 1;

    /// <summary>Key for embedding <paramref name="jobs"/> of <paramref name="dataset"/> with <paramref name="model"/>.</summary>
    /// <param name="model">The model; only its SHA-256 and id enter the key.</param>
    /// <param name="side">Free text naming the set, e.g. <c>gallery</c> or <c>queries</c>.</param>
    /// <param name="dataset">Dataset the jobs come from; paths are taken relative to its root.</param>
    /// <param name="jobs">Images in row order.</param>
    /// <param name="settings">Size and scales.</param>
    public static EmbeddingCacheKey Compute(ModelManifest model, string side, RetrievalDataset dataset, IReadOnlyList<ImageJob> jobs, ExtractionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"format={FormatVersion}\nmodel={model.Sha256}\npipeline={ImagePipeline.Identity}\nside={side}\n{settings.Describe()}\n");
        foreach (var job in jobs)
        {
            var file = new FileInfo(job.Path);
            var stamp = file.Exists ? $"{file.Length}|{file.LastWriteTimeUtc.Ticks}" : "missing";
            var box = job.Box is { } b ? string.Join(",", b.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))) : "-";
            text.Append(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(dataset.Root, job.Path)}|{stamp}|{box}\n");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new EmbeddingCacheKey(hash, $"{Sanitize(dataset.Name)}.{side}.{Sanitize(model.Id)}");
    }

    /// <summary>File name under the cache folder: readable label plus the first 16 hex digits of the hash.</summary>
    public string FileName => $"{Label}.{Hash[..16]}.emb";

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}

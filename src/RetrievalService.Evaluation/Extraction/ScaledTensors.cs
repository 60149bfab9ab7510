using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Evaluation.Extraction;

/// <summary>Model inputs of one image file or raster: one tensor per scale, through the shared <see cref="ImagePipeline"/>.</summary>
public static class ScaledTensors
{
    /// <summary>The longer side of each scale of <paramref name="settings"/> (<see cref="ExtractionSettings.SideAt"/>).</summary>
    public static int[] Sides(ExtractionSettings settings, int minSide)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Scales.Select(scale => settings.SideAt(scale, minSide)).ToArray();
    }

    /// <summary>One tensor per scale of <paramref name="settings"/> for <paramref name="job"/>, cropped to its box if it has one.</summary>
    public static PreparedImage Prepare(ImagePipeline pipeline, ImageJob job, ExtractionSettings settings, InputConvention input)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(input);
        return pipeline.Prepare(File.ReadAllBytes(job.Path), input, Sides(settings, input.MinSide), QueryCrop.Region(job.Box));
    }
}

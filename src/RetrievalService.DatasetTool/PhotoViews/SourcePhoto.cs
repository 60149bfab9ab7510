using RetrievalService.DataSources.Photos;

namespace RetrievalService.DatasetTool.PhotoViews;

/// <summary>A pool photo chosen as a photoviews instance, with its pixel size (from the file header).</summary>
public sealed record SourcePhoto(string Instance, PoolPhoto Photo, int Width, int Height);

namespace RetrievalService.Evaluation.Datasets;

/// <summary>A ground-truth file that cannot be read at all; the message names the file and the entry.</summary>
public sealed class DatasetFormatException(string file, string entry, string reason, Exception? inner = null)
    : Exception($"{file}: {entry}: {reason}", inner)
{
    /// <summary>The file that failed to parse.</summary>
    public string File { get; } = file;

    /// <summary>Where in the file, e.g. <c>gnd[3].bbx</c>.</summary>
    public string Entry { get; } = entry;
}

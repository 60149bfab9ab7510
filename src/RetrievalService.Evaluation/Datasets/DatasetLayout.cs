namespace RetrievalService.Evaluation.Datasets;

/// <summary>How list entries map to image files.</summary>
public enum DatasetLayout
{
    /// <summary><c>gnd.json</c>; entries are file paths relative to the dataset folder, extension included.</summary>
    Native,

    /// <summary>revisitop's <c>gnd_*.pkl</c>; entries are names without extension, stored as <c>jpg/&lt;name&gt;.jpg</c>.</summary>
    Revisitop,
}

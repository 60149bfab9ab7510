namespace RetrievalService.Indexer;

/// <summary>
/// A path given on the command line cannot be used: it is empty, the input folder or manifest cannot be read, or the
/// report could not be written. An input error (exit 2), found before anything is indexed.
/// </summary>
internal sealed class UnusablePathException(string message, Exception? inner = null) : Exception(message, inner);

namespace RetrievalService.Indexer.Sources;

/// <summary>The folder or manifest given as input exists but cannot be read as a whole (permissions, I/O).</summary>
internal sealed class InputUnreadableException(string message, Exception inner) : Exception(message, inner);

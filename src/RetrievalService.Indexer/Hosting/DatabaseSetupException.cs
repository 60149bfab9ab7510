namespace RetrievalService.Indexer.Hosting;

/// <summary>No connection string is configured and the private database could not be started.</summary>
internal sealed class DatabaseSetupException(string message, Exception inner) : Exception(message, inner);

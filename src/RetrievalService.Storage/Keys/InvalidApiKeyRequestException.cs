namespace RetrievalService.Storage.Keys;

/// <summary>A key cannot be created as asked: a bad name or scope list. The message is meant for the person who asked.</summary>
public sealed class InvalidApiKeyRequestException(string message) : Exception(message);

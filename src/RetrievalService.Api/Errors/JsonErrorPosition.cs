using System.Text.Json;

namespace RetrievalService.Api.Errors;

/// <summary>
/// Where a client's JSON went wrong, without System.Text.Json's own wording (which names .NET types such as
/// <c>System.String[]</c>): details speak of the client's input, not of the framework that read it.
/// </summary>
internal static class JsonErrorPosition
{
    /// <summary>"the error is at line L, character C" when the reader knows, else "it could not be read".</summary>
    public static string Describe(JsonException error) => error.LineNumber is { } line && error.BytePositionInLine is { } position
        ? $"the error is at line {line + 1}, character {position + 1}"
        : "it could not be read";
}

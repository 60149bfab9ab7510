using System.Text.Json;

namespace RetrievalService.Api.Errors;

/// <summary>
/// Where a client's JSON went wrong, without System.Text.Json's own wording (which names .NET types such as
/// <c>System.String[]</c>): details speak of the client's input, not of the framework that read it.
/// </summary>
internal static class JsonErrorPosition
{
    /// <summary>"the error is at line L, character C" when the reader knows, else what went wrong where that is known.</summary>
    public static string Describe(JsonException error) => error switch
    {
        { LineNumber: { } line, BytePositionInLine: { } position } => $"the error is at line {line + 1}, character {position + 1}",
        // ClientJson's answer when System.Text.Json could not compare keys.
        { InnerException: InvalidOperationException } => "a key holds an escaped unpaired UTF-16 surrogate",
        _ => "it could not be read",
    };
}
